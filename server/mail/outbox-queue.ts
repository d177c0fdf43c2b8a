import { type Kysely, sql } from 'kysely';
import type { Database, MailOutboxRow } from '../db/database.js';

/** A mail a worker holds: nobody else sees it until `leaseUntil`. */
export interface ClaimedMail {
  readonly row: MailOutboxRow;
  /** The `next_attempt_at` the claim wrote; the worker's later updates require it still be there. */
  readonly leaseUntil: Date;
}

/**
 * Takes up to `limit` due mails in one statement: `for update skip locked` so concurrent workers
 * pass over each other's rows instead of waiting, and `next_attempt_at` moves to the end of the
 * lease, which hides the rows from every other worker once the statement commits. A worker that
 * dies mid-send leaves the rows to come back when the lease ends. Nothing is sent inside a
 * transaction: the embedded database has a single connection. Oldest due first.
 */
export async function claimDueMails(
  db: Kysely<Database>,
  options: { readonly now: Date; readonly leaseMs: number; readonly limit: number },
): Promise<ClaimedMail[]> {
  const leaseUntil = new Date(options.now.getTime() + options.leaseMs);
  const due = db
    .selectFrom('mail_outbox')
    .select(['id', 'next_attempt_at'])
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', options.now)
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(options.limit)
    .forUpdate()
    .skipLocked();
  const rows = await db
    .updateTable('mail_outbox as mail')
    .set({ next_attempt_at: leaseUntil })
    .from(due.as('due'))
    .whereRef('mail.id', '=', 'due.id')
    .returningAll('mail')
    // What it was due at: handing a mail back (releaseMails) restores it.
    .returning('due.next_attempt_at as due_at')
    .execute();
  return rows
    .map(({ due_at, ...row }) => ({ row: { ...row, next_attempt_at: due_at }, leaseUntil }))
    .sort((a, b) => a.row.next_attempt_at.getTime() - b.row.next_attempt_at.getTime() || compare(a.row.id, b.row.id));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export type AttemptOutcome =
  | { readonly ok: true }
  | { readonly ok: false; readonly error: string; readonly retryAt: Date | undefined };

export interface Attempt {
  readonly claimed: ClaimedMail;
  readonly outcome: AttemptOutcome;
}

/**
 * Records attempts and their outcomes: sent, pending again at `retryAt`, or dead (no retryAt).
 * Each outcome only applies while the worker still holds that mail's lease; the ids returned
 * are those it still held (for the others the lease was lost: another worker owns the mail, and
 * only the attempt log changes). One statement for the whole batch, so one round trip and one
 * commit: every attempt and outcome is written, or none.
 */
export async function recordAttempts(
  db: Kysely<Database>,
  attempts: readonly Attempt[],
  now: Date,
): Promise<Set<string>> {
  if (attempts.length === 0) return new Set();
  const ids: string[] = [];
  const leases: Date[] = [];
  const statuses: string[] = [];
  const counts: number[] = [];
  const retries: (Date | null)[] = [];
  const errors: (string | null)[] = [];
  const oks: boolean[] = [];
  for (const { claimed, outcome } of attempts) {
    ids.push(claimed.row.id);
    leases.push(claimed.leaseUntil);
    statuses.push(outcome.ok ? 'sent' : outcome.retryAt ? 'pending' : 'dead');
    counts.push(claimed.row.attempts + 1);
    retries.push(!outcome.ok && outcome.retryAt ? outcome.retryAt : null);
    errors.push(outcome.ok ? null : outcome.error);
    oks.push(outcome.ok);
  }
  // Arrays, not one placeholder per value: the statement's text is the same for any batch size,
  // so the server prepares it once.
  const result = await sql<{ id: string }>`
    with outcome as (
      select * from unnest(${ids}::text[], ${leases}::timestamptz[], ${statuses}::text[], ${counts}::int[],
                           ${retries}::timestamptz[], ${errors}::text[], ${oks}::boolean[])
        as t(id, lease_until, status, attempts, retry_at, error, ok)
    ),
    updated as (
      update mail_outbox as mail
         set status = outcome.status,
             attempts = outcome.attempts,
             next_attempt_at = coalesce(outcome.retry_at, mail.next_attempt_at),
             sent_at = case when outcome.ok then ${now}::timestamptz else mail.sent_at end,
             last_error = outcome.error
        from outcome
       where mail.id = outcome.id and mail.status = 'pending' and mail.next_attempt_at = outcome.lease_until
      returning mail.id
    ),
    attempt as (
      insert into mail_attempts (mail_id, at, ok, error)
      select id, ${now}::timestamptz, ok, error from outcome
    )
    select id from updated`.execute(db);
  return new Set(result.rows.map((row) => row.id));
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
