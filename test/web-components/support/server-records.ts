import type { Kysely } from 'kysely';
import type { Database } from '../../../server/db/database.js';

/** What the browser suites read back from the server's database: the truth behind the pages. */

export function applicationsOf(db: Kysely<Database>, memberId: string) {
  return db
    .selectFrom('applications')
    .select(['id', 'form_id', 'form_version', 'status', 'data', 'idempotency_key'])
    .where('member_id', '=', memberId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** The types of an application's events, oldest first ('submitted', 'edited', …). */
export async function eventTypesOf(db: Kysely<Database>, applicationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('application_events')
    .select('type')
    .where('application_id', '=', applicationId)
    .orderBy('id')
    .execute();
  return rows.map((row) => row.type);
}

/** An application's targets as `[associationId, role, status]`, sorted by association id. */
export async function targetsOf(db: Kysely<Database>, applicationId: string): Promise<[string, string, string][]> {
  const rows = await db
    .selectFrom('application_targets')
    .select(['association_id', 'role', 'status'])
    .where('application_id', '=', applicationId)
    .orderBy('association_id')
    .execute();
  return rows.map((row) => [row.association_id, row.role, row.status]);
}

export function draftOf(db: Kysely<Database>, memberId: string, formId: string) {
  return db
    .selectFrom('drafts')
    .select(['form_version', 'step_id', 'data', 'updated_at'])
    .where('member_id', '=', memberId)
    .where('form_id', '=', formId)
    .executeTakeFirst();
}
