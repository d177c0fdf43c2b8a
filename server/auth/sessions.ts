import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { Clock } from '../runtime/clock.js';
import { newCsrfToken, newSessionToken, sessionIdOf } from './session-token.js';

export interface NewSession {
  /** Goes into the cookie only; the database keeps its hash. */
  readonly token: string;
  readonly id: string;
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

export interface ActiveSession {
  readonly id: string;
  readonly accountId: string;
  readonly csrfToken: string;
}

/** Starts a new session for an account (a new one on every sign-in, never a reused id). */
export async function createSession(
  db: Kysely<Database>,
  clock: Clock,
  accountId: string,
  ttlMs: number,
): Promise<NewSession> {
  const now = clock.now();
  const token = newSessionToken();
  const session = {
    token,
    id: sessionIdOf(token),
    csrfToken: newCsrfToken(),
    expiresAt: new Date(now.getTime() + ttlMs),
  };
  // The account's expired sessions go when it signs in again: the table does not grow forever.
  await db.deleteFrom('sessions').where('account_id', '=', accountId).where('expires_at', '<=', now).execute();
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      account_id: accountId,
      csrf_token: session.csrfToken,
      created_at: now,
      expires_at: session.expiresAt,
    })
    .execute();
  return session;
}

/** The unexpired session a cookie token names, if any. */
export async function findSession(
  db: Kysely<Database>,
  clock: Clock,
  token: string,
): Promise<ActiveSession | undefined> {
  const row = await db
    .selectFrom('sessions')
    .select(['id', 'account_id', 'csrf_token'])
    .where('id', '=', sessionIdOf(token))
    .where('expires_at', '>', clock.now())
    .executeTakeFirst();
  return row && { id: row.id, accountId: row.account_id, csrfToken: row.csrf_token };
}

/** Ends a session: the row goes, so the cookie stops working everywhere at once. */
export async function deleteSession(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}
