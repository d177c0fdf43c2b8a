import type { Kysely } from 'kysely';
import type { Principal } from '../app-env.js';
import type { Database } from '../db/database.js';
import { ReusableQuery } from '../db/reusable-query.js';
import { isLocale } from '../http/request-locale.js';
import type { Clock } from '../runtime/clock.js';
import { sessionIdOf } from './session-token.js';

type Via = Pick<Principal, 'via' | 'session'>;

/** The caller behind an account id (session sign-in). */
export function principalOfAccount(db: Kysely<Database>, accountId: string, via: Via): Promise<Principal | undefined> {
  return loadPrincipal(db, 'accounts.id', accountId, via);
}

/** The member account of a 医籍登録番号 (an embedding site's token names the member by it). */
export function principalOfRegistrationNumber(
  db: Kysely<Database>,
  registrationNumber: string,
  via: Via,
): Promise<Principal | undefined> {
  return loadPrincipal(db, 'members.registration_number', registrationNumber, via);
}

/**
 * The caller behind a session cookie's token, if the session exists and has not expired: the
 * session and its account in one query, since every signed-in request asks.
 */
export async function principalOfSession(
  db: Kysely<Database>,
  clock: Clock,
  token: string,
): Promise<Principal | undefined> {
  const row = await SESSION_PRINCIPAL.executeTakeFirst(db, { sessionId: sessionIdOf(token), now: clock.now() });
  return row && toPrincipal(row, { via: 'session', session: { id: row.session_id, csrfToken: row.csrf_token } });
}

const SESSION_PRINCIPAL = new ReusableQuery('session principal', (db, values: { sessionId: string; now: Date }) =>
  principalQuery(db)
    .innerJoin('sessions', 'sessions.account_id', 'accounts.id')
    .select(['sessions.id as session_id', 'sessions.csrf_token'])
    .where('sessions.id', '=', values.sessionId)
    .where('sessions.expires_at', '>', values.now),
);

function principalQuery(db: Kysely<Database>) {
  return db
    .selectFrom('accounts')
    .leftJoin('members', 'members.id', 'accounts.member_id')
    .leftJoin('associations', 'associations.id', 'accounts.association_id')
    .select([
      'accounts.id',
      'accounts.role',
      'accounts.login',
      'accounts.member_id',
      'accounts.association_id',
      'members.name as member_name',
      'members.locale',
      'associations.name as association_name',
    ]);
}

async function loadPrincipal(
  db: Kysely<Database>,
  column: 'accounts.id' | 'members.registration_number',
  value: string,
  via: Via,
): Promise<Principal | undefined> {
  let query = principalQuery(db).where(column, '=', value);
  if (column === 'members.registration_number') query = query.where('accounts.role', '=', 'member');
  const row = await query.executeTakeFirst();
  return row && toPrincipal(row, via);
}

export interface PrincipalRow {
  readonly id: string;
  readonly role: Principal['role'];
  readonly login: string;
  readonly member_id: string | null;
  readonly association_id: string | null;
  readonly member_name: string | null;
  readonly locale: string | null;
  readonly association_name: string | null;
}

/** The principal of an account row, as every way of signing in reads it. */
export function toPrincipal(row: PrincipalRow, via: Via): Principal {
  return {
    accountId: row.id,
    role: row.role,
    name: displayName(row.role, row.member_name, row.association_name, row.login),
    memberId: row.member_id,
    associationId: row.association_id,
    locale: isLocale(row.locale) ? row.locale : null,
    ...via,
  };
}

function displayName(role: string, member: string | null, association: string | null, login: string): string {
  if (role === 'member' && member) return member;
  if (role === 'office' && association) return `${association} 事務局`;
  if (role === 'staff') return 'システム担当';
  return login;
}
