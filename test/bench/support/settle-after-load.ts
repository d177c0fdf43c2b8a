import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../server/db/database.js';

/**
 * After a bulk load, the tables as years of autovacuum would have left them: vacuumed as well
 * as analysed, or autovacuum starts on the new rows in the middle of the next measurement. Then
 * a checkpoint, for the same reason: the WAL the load wrote would otherwise have PostgreSQL
 * writing its dirty buffers out during the measurement. Not for PGlite, which runs no
 * autovacuum and no checkpointer of its own.
 */
export async function settleAfterLoad(db: Kysely<Database>): Promise<void> {
  await sql`vacuum analyze`.execute(db);
  await sql`checkpoint`.execute(db);
}
