import { sql } from 'kysely';

/** Submissions the tests file, in the shapes members send them. */

/** The manual's withdrawal: 日医 太郎 leaves 小樽市医師会 (and, by the cascade, 北海道 and 日本医師会). */
export function manualWithdrawal(overrides: Record<string, unknown> = {}) {
  return {
    version: 1,
    data: {
      withdrawFrom: { groupId: 'group-123456-aoyagi', associationIds: ['city-otaru'] },
      withdrawalDate: '2026/12/31',
      reason: 'retirement',
      ...overrides,
    },
  };
}

/** 研修 次郎 (567890, no memberships yet) joins 札幌市医師会 and, by the cascade, 北海道 and 日本医師会. */
export function sapporoEnrollment(overrides: Record<string, unknown> = {}) {
  return {
    version: 1,
    data: {
      facilityName: '札幌中央クリニック',
      prefecture: 'pref-01',
      joinTo: { groupId: 'chain:city-sapporo', associationIds: ['city-sapporo'] },
      memberClass: 'B',
      enrollmentDate: '2027/04/01',
      previousMembership: 'no',
      ...overrides,
    },
  };
}

/** 日医 太郎 moves from 小樽市医師会 to 札幌市医師会 (keeping 北海道 and 日本医師会). */
export function otaruToSapporoTransfer(overrides: Record<string, unknown> = {}) {
  return {
    version: 1,
    data: {
      leaveFrom: { groupId: 'group-123456-aoyagi', associationIds: ['city-otaru'] },
      transferDate: '2027/01/15',
      reason: 'job-change',
      destinationPrefecture: 'pref-01',
      joinTo: { groupId: 'chain:city-sapporo', associationIds: ['city-sapporo'] },
      newFacilityName: '札幌すずらん皮膚科',
      ...overrides,
    },
  };
}

/** Counts the rows a submission writes, to show what was (not) committed. */
export async function countRows(
  db: import('kysely').Kysely<import('../../../server/db/database.js').Database>,
): Promise<Record<'applications' | 'targets' | 'events' | 'outbox', number>> {
  const count = async (table: 'applications' | 'application_targets' | 'application_events' | 'mail_outbox') => {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  return {
    applications: await count('applications'),
    targets: await count('application_targets'),
    events: await count('application_events'),
    outbox: await count('mail_outbox'),
  };
}

/**
 * Back to the demo data: no applications, drafts or mail, and every membership change an
 * approval made undone. Lets the tests of one file share a database yet start alike.
 */
export async function resetToDemoData(
  db: import('kysely').Kysely<import('../../../server/db/database.js').Database>,
): Promise<void> {
  await db.deleteFrom('mail_attempts').execute();
  await db.deleteFrom('mail_outbox').execute();
  // Events are append-only (a trigger refuses DELETE); emptying the table is TRUNCATE's job.
  await sql`truncate application_events`.execute(db);
  await db.deleteFrom('application_targets').execute();
  await db.deleteFrom('drafts').execute();
  await db.deleteFrom('memberships').where('start_application_id', 'is not', null).execute();
  await db
    .updateTable('memberships')
    .set({ ended_on: null, end_application_id: null })
    .where('end_application_id', 'is not', null)
    .execute();
  await db.deleteFrom('groups').where('id', 'like', 'id-%').execute();
  await db.deleteFrom('applications').execute();
}
