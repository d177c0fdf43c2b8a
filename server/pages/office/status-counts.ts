import type { Kysely } from 'kysely';
import type { Database, TargetStatus } from '../../db/database.js';

/** How many applications wait in each status for this association: the numbers on the filter tabs. */
export async function statusCounts(
  db: Kysely<Database>,
  associationId: string,
): Promise<Readonly<Partial<Record<TargetStatus, number>>>> {
  const rows = await db
    .selectFrom('application_targets')
    .select(['status', (eb) => eb.fn.countAll().as('count')])
    .where('association_id', '=', associationId)
    .groupBy('status')
    .execute();
  // count(*) is a number from PGlite and a string from the PostgreSQL drivers.
  return Object.fromEntries(rows.map((row) => [row.status, Number(row.count)]));
}
