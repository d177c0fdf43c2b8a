import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../server/db/database.js';

/**
 * Benchmark members, written straight in SQL so that setting up tens of thousands costs
 * seconds: each has a group (a city association, its prefecture, 日本医師会), an account and a
 * signed-in session whose cookie and CSRF token the load generator sends. Signing in per
 * request would measure scrypt, not submissions.
 */
export interface BenchMember {
  readonly index: number;
  readonly cookie: string;
  readonly csrfToken: string;
  readonly groupId: string;
  readonly cityId: string;
}

const TOKEN_PREFIX = 'bench-token-';

/** The cities members are spread over, in the order `addBenchMembers` assigns them. */
export async function benchCities(db: Kysely<Database>): Promise<string[]> {
  const rows = await sql<{ id: string }>`select id from associations where layer = 3 order by id collate "C"`.execute(
    db,
  );
  return rows.rows.map((row) => row.id);
}

/** Adds members `from`..`to` (inclusive) with their groups, memberships, accounts and sessions. */
export async function addBenchMembers(db: Kysely<Database>, from: number, to: number): Promise<void> {
  const range = sql`generate_series(${from}::int, ${to}::int) as i`;
  await sql`insert into members (id, registration_number, name, name_kana, birth_date, email, locale)
    select 'bench-m-' || i, 'B' || lpad(i::text, 8, '0'), 'ベンチ 会員' || i, 'ベンチ カイイン',
           date '1970-01-01', 'bench' || i || '@example.jp', 'ja'
    from ${range}`.execute(db);
  await sql`insert into groups (id, member_id, facility_name, facility_name_en, created_at)
    select 'bench-g-' || i, 'bench-m-' || i, 'ベンチ診療所', 'Bench Clinic', timestamptz '2000-01-01'
    from ${range}`.execute(db);
  await sql`with cities as (
      select id, parent_id, (row_number() over (order by id collate "C")) - 1 as n, count(*) over () as total
      from associations where layer = 3
    )
    insert into memberships (id, member_id, association_id, group_id, started_on)
    select 'bench-ms-' || i || '-' || l.layer, 'bench-m-' || i,
           case l.layer when 3 then c.id when 2 then c.parent_id else 'jma' end,
           'bench-g-' || i, date '2000-04-01'
    from ${range}
    join cities c on c.n = i % c.total
    cross join (values (1), (2), (3)) as l(layer)`.execute(db);
  await sql`insert into accounts (id, login, password_hash, role, member_id)
    select 'bench-a-' || i, 'B' || lpad(i::text, 8, '0'), 'bench: no password', 'member', 'bench-m-' || i
    from ${range}`.execute(db);
  // The session id is the SHA-256 of the cookie's token, as sessionIdOf computes it.
  await sql`insert into sessions (id, account_id, csrf_token, expires_at)
    select encode(sha256(convert_to(${TOKEN_PREFIX} || i, 'UTF8')), 'hex'), 'bench-a-' || i,
           'bench-csrf-' || i, now() + interval '7 days'
    from ${range}`.execute(db);
}

/** What a request of member `index` sends, matching `addBenchMembers`. */
export function benchMember(index: number, cities: readonly string[]): BenchMember {
  return {
    index,
    cookie: `mamis_session=${TOKEN_PREFIX}${index}`,
    csrfToken: `bench-csrf-${index}`,
    groupId: `bench-g-${index}`,
    cityId: cities[index % cities.length]!,
  };
}

/** The withdrawal a member files: their city, hence (cascade) its prefecture and 日本医師会. */
export function withdrawalBody(member: BenchMember, withdrawalDate: string): string {
  return JSON.stringify({
    version: 1,
    data: {
      withdrawFrom: { groupId: member.groupId, associationIds: [member.cityId] },
      withdrawalDate,
      reason: 'retirement',
    },
  });
}

/** A date the withdrawal form accepts (`minDate: today`), whatever the day the bench runs. */
export function futureDate(days = 60): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '/');
}

/** A signed-in session for an office account of the demo seed (`jma-office`, …): its cookie. */
export async function addOfficeSession(db: Kysely<Database>, login: string): Promise<string> {
  const token = `${TOKEN_PREFIX}${login}`;
  await sql`insert into sessions (id, account_id, csrf_token, expires_at)
    select encode(sha256(convert_to(${token}, 'UTF8')), 'hex'), id, 'bench-csrf-office', now() + interval '7 days'
    from accounts where login = ${login}
    on conflict (id) do nothing`.execute(db);
  return `mamis_session=${token}`;
}
