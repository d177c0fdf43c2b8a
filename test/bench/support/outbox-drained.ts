import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../server/db/database.js';

/**
 * Waits until the server's mail worker has sent every pending mail, and says how long it took.
 * A load of submissions leaves thousands of mails behind; measured while the worker still sends
 * them, the next phase (the office list, pgbench) would share the machine with it.
 */
export async function outboxDrained(db: Kysely<Database>, timeoutMs = 300_000): Promise<{ mails: number; ms: number }> {
  const started = performance.now();
  const pending = async () =>
    Number(
      // Due mails only: the peer's rows (see `sameRowsStatement`) are due in a year.
      (
        await sql<{
          n: string;
        }>`select count(*) as n from mail_outbox where status = 'pending' and next_attempt_at <= now()`.execute(db)
      ).rows[0]!.n,
    );
  const mails = await pending();
  while ((await pending()) > 0) {
    if (performance.now() - started > timeoutMs) throw new Error('The mail worker did not drain the outbox in time');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { mails, ms: performance.now() - started };
}
