import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../server/db/database.js';

/**
 * Takes the demo database back to its seeded state between the tests of a file, so each starts
 * with no application, draft or session: everything members and offices do is removed, and
 * approvals are undone (memberships they started are deleted, the ones they ended run on).
 * The associations, members, groups of the seed and published forms stay.
 */
export async function resetActivity(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('mail_attempts').execute();
    await trx.deleteFrom('mail_outbox').execute();
    // Events are append-only (a trigger refuses DELETE); emptying the table is TRUNCATE's job.
    await sql`truncate application_events`.execute(trx);
    await trx.deleteFrom('application_targets').execute();
    await trx.deleteFrom('memberships').where('start_application_id', 'is not', null).execute();
    await trx
      .updateTable('memberships')
      .set({ ended_on: null, end_application_id: null })
      .where('end_application_id', 'is not', null)
      .execute();
    // An approved join formed a group of its own; with its memberships gone, it goes too.
    await trx
      .deleteFrom('groups')
      .where('id', 'not in', (eb) => eb.selectFrom('memberships').select('group_id'))
      .execute();
    await trx.deleteFrom('applications').execute();
    await trx.deleteFrom('drafts').execute();
    await trx.deleteFrom('sessions').execute();
    await trx.updateTable('accounts').set({ failed_attempts: 0, locked_until: null }).execute();
  });
}
