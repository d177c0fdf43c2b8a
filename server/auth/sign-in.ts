import type { Kysely } from 'kysely';
import type { Account, Database } from '../db/database.js';
import { AccountLockedError, AuthenticationError } from '../errors/app-errors.js';
import type { Clock } from '../runtime/clock.js';
import { hasUnsafeCharacters } from '../runtime/safe-text.js';
import { verifyNothing, verifyPassword } from './password-hash.js';

export interface LockoutPolicy {
  /** Failed sign-ins in a row that lock the account. */
  readonly maxFailures: number;
  readonly lockMs: number;
}

export const DEFAULT_LOCKOUT: LockoutPolicy = { maxFailures: 5, lockMs: 15 * 60 * 1000 };

/**
 * Checks a login and password. An unknown login and a wrong password fail alike (same message,
 * same work); the fifth failure in a row locks the account for a while, and success resets it.
 */
export async function signIn(
  db: Kysely<Database>,
  clock: Clock,
  policy: LockoutPolicy,
  login: string,
  password: string,
): Promise<Account> {
  // No login holds a control character, and the database refuses a NUL in a query: unknown.
  const account = hasUnsafeCharacters(login)
    ? undefined
    : await db.selectFrom('accounts').selectAll().where('login', '=', login).executeTakeFirst();
  if (!account) {
    await verifyNothing(password);
    throw new AuthenticationError('invalid_credentials');
  }
  const now = clock.now();
  if (account.locked_until && account.locked_until > now) {
    throw new AccountLockedError(secondsUntil(account.locked_until, now));
  }
  if (!(await verifyPassword(password, account.password_hash))) {
    // Incremented in the database so concurrent attempts all count.
    const { failed_attempts } = await db
      .updateTable('accounts')
      .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
      .where('id', '=', account.id)
      .returning('failed_attempts')
      .executeTakeFirstOrThrow();
    if (failed_attempts >= policy.maxFailures) {
      const lockedUntil = new Date(now.getTime() + policy.lockMs);
      await db
        .updateTable('accounts')
        .set({ failed_attempts: 0, locked_until: lockedUntil })
        .where('id', '=', account.id)
        .execute();
      throw new AccountLockedError(secondsUntil(lockedUntil, now));
    }
    throw new AuthenticationError('invalid_credentials');
  }
  if (account.failed_attempts !== 0 || account.locked_until !== null) {
    await db
      .updateTable('accounts')
      .set({ failed_attempts: 0, locked_until: null })
      .where('id', '=', account.id)
      .execute();
  }
  return account;
}

function secondsUntil(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
}
