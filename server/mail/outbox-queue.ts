import type { Kysely } from 'kysely';
import type { Database, MailOutboxRow } from '../db/database.js';

/** A mail a worker holds: nobody else sees it until `leaseUntil`. */
export interface ClaimedMail {
  readonly row: MailOutboxRow;
  /** The `next_attempt_at` the claim wrote; the worker's later updates require it still be there. */
  readonly leaseUntil: Date;
}

/**
 * Takes up to `limit` due mails in one short transaction: `for update skip locked` so concurrent
 * workers pass over each other's rows instead of waiting, then `next_attempt_at` moves to the end
 * of the lease, which hides the rows from every other worker after commit. A worker that dies
 * mid-send leaves the rows to come back when the lease ends. Nothing is sent inside the
 * transaction: the embedded database has a single connection.
 */
export async function claimDueMails(
  db: Kysely<Database>,
  options: { readonly now: Date; readonly leaseMs: number; readonly limit: number },
): Promise<ClaimedMail[]> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('mail_outbox')
      .selectAll()
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', options.now)
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(options.limit)
      .forUpdate()
      .skipLocked()
      .execute();
    if (rows.length === 0) return [];
    const leaseUntil = new Date(options.now.getTime() + options.leaseMs);
    await trx
      .updateTable('mail_outbox')
      .set({ next_attempt_at: leaseUntil })
      .where(
        'id',
        'in',
        rows.map((row) => row.id),
      )
      .execute();
    return rows.map((row) => ({ row, leaseUntil }));
  });
}

export type AttemptOutcome =
  | { readonly ok: true }
  | { readonly ok: false; readonly error: string; readonly retryAt: Date | undefined };

/**
 * Records one attempt and its outcome: sent, pending again at `retryAt`, or dead (no retryAt).
 * The update only applies while the worker still holds its lease; returns false when the lease
 * was lost (then another worker owns the mail and this one changes nothing but the attempt log).
 * One statement, so one round trip: the attempt and the outcome are written together or not at all.
 */
export async function recordAttempt(
  db: Kysely<Database>,
  claimed: ClaimedMail,
  outcome: AttemptOutcome,
  now: Date,
): Promise<boolean> {
  const attempts = claimed.row.attempts + 1;
  const update = outcome.ok
    ? { status: 'sent' as const, attempts, sent_at: now, last_error: null }
    : outcome.retryAt
      ? { status: 'pending' as const, attempts, next_attempt_at: outcome.retryAt, last_error: outcome.error }
      : { status: 'dead' as const, attempts, last_error: outcome.error };
  const result = await db
    .with('outcome', (db) =>
      db
        .updateTable('mail_outbox')
        .set(update)
        .where('id', '=', claimed.row.id)
        .where('status', '=', 'pending')
        .where('next_attempt_at', '=', claimed.leaseUntil)
        .returning('id'),
    )
    .with('attempt', (db) =>
      db
        .insertInto('mail_attempts')
        .values({ mail_id: claimed.row.id, at: now, ok: outcome.ok, error: outcome.ok ? null : outcome.error })
        .returning('id'),
    )
    .selectFrom('outcome')
    .select('id')
    .execute();
  return result.length > 0;
}

/** Hands claimed mails back untouched (the worker is stopping), so they are due again now. */
export async function releaseMails(db: Kysely<Database>, claimed: readonly ClaimedMail[]): Promise<void> {
  for (const mail of claimed) {
    await db
      .updateTable('mail_outbox')
      .set({ next_attempt_at: mail.row.next_attempt_at })
      .where('id', '=', mail.row.id)
      .where('status', '=', 'pending')
      .where('next_attempt_at', '=', mail.leaseUntil)
      .execute();
  }
}

/**
 * Puts dead mails back in the queue, due now, with a fresh count of attempts (the attempts
 * already made stay in `mail_attempts`). For after an outage longer than the retries lasted.
 * Returns how many mails were requeued.
 */
export async function requeueDeadMails(db: Kysely<Database>, now: Date): Promise<number> {
  const result = await db
    .updateTable('mail_outbox')
    .set({ status: 'pending', attempts: 0, next_attempt_at: now })
    .where('status', '=', 'dead')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
