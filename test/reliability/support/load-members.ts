import type { Kysely } from 'kysely';
import { newCsrfToken, newSessionToken, sessionIdOf } from '../../../server/auth/session-token.js';
import type { Database } from '../../../server/db/database.js';
import { ASSOCIATIONS } from '../../../server/db/seed/association-data.js';
import { calendarDay } from '../../../server/runtime/clock.js';

/** A member the load test files applications for, signed in by a session of its own. */
export interface LoadMember {
  readonly memberId: string;
  readonly groupIds: readonly string[];
  /** The city association of each group (the lowest layer, which the withdrawal names). */
  readonly cityIds: readonly string[];
  readonly cookie: string;
  readonly csrfToken: string;
}

const CITIES = ASSOCIATIONS.filter((association) => association.layer === 3);
const BATCH = 500;

/**
 * Writes `count` members straight into the database — each with `groupsPerMember` groups that
 * belong to a city, its prefecture and 日本医師会 — and a session for each, as if they had
 * signed in. Thousands of members are ready in seconds, without thousands of scrypt sign-ins.
 * Needs the demo associations (the server seeds them on its first start).
 */
export async function createLoadMembers(
  db: Kysely<Database>,
  options: { readonly count: number; readonly groupsPerMember: number; readonly prefix: string },
): Promise<LoadMember[]> {
  const { count, groupsPerMember, prefix } = options;
  const members: LoadMember[] = [];
  const expires = new Date(Date.now() + 12 * 60 * 60 * 1000);
  for (let start = 0; start < count; start += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, count - start) }, (_, offset) => start + offset);
    const rows = batch.map((index) => {
      const memberId = `${prefix}-member-${index}`;
      const groups = Array.from({ length: groupsPerMember }, (_, g) => ({
        id: `${prefix}-group-${index}-${g}`,
        city: CITIES[(index + g) % CITIES.length]!,
      }));
      return { index, memberId, groups, token: newSessionToken(), csrfToken: newCsrfToken() };
    });
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('members')
        .values(
          rows.map((row) => ({
            id: row.memberId,
            registration_number: `${prefix}${row.index}`,
            name: `負荷 ${row.index}`,
            name_kana: 'フカ',
            birth_date: '1980-01-01',
            email: `${row.memberId}@load.example.jp`,
            locale: 'ja',
          })),
        )
        .execute();
      await trx
        .insertInto('groups')
        .values(
          rows.flatMap((row) =>
            row.groups.map((group) => ({
              id: group.id,
              member_id: row.memberId,
              facility_name: `負荷クリニック ${group.id}`,
              facility_name_en: `Load Clinic ${group.id}`,
            })),
          ),
        )
        .execute();
      await trx
        .insertInto('memberships')
        .values(
          rows.flatMap((row) =>
            row.groups.flatMap((group) =>
              [group.city.id, group.city.parentId!, 'jma'].map((associationId) => ({
                id: `${group.id}-${associationId}`,
                member_id: row.memberId,
                association_id: associationId,
                group_id: group.id,
                started_on: '2010-04-01',
              })),
            ),
          ),
        )
        .execute();
      await trx
        .insertInto('accounts')
        .values(
          rows.map((row) => ({
            id: `${row.memberId}-account`,
            login: `${prefix}${row.index}`,
            // No password signs in to these accounts: the sessions below are how they are used.
            password_hash: 'none',
            role: 'member' as const,
            member_id: row.memberId,
            association_id: null,
          })),
        )
        .execute();
      await trx
        .insertInto('sessions')
        .values(
          rows.map((row) => ({
            id: sessionIdOf(row.token),
            account_id: `${row.memberId}-account`,
            csrf_token: row.csrfToken,
            expires_at: expires,
          })),
        )
        .execute();
    });
    for (const row of rows) {
      members.push({
        memberId: row.memberId,
        groupIds: row.groups.map((group) => group.id),
        cityIds: row.groups.map((group) => group.city.id),
        cookie: `mamis_session=${row.token}`,
        csrfToken: row.csrfToken,
      });
    }
  }
  return members;
}

/** A withdrawal a month from today in Japan, as the member's browser sends it. */
export function withdrawalBody(member: LoadMember, group: number): string {
  const date = new Date(`${calendarDay(new Date())}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 30);
  return JSON.stringify({
    version: 1,
    data: {
      withdrawFrom: { groupId: member.groupIds[group], associationIds: [member.cityIds[group]] },
      withdrawalDate: date.toISOString().slice(0, 10).replaceAll('-', '/'),
      reason: 'retirement',
    },
  });
}
