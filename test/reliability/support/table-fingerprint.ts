import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../server/db/database.js';

/** Every table of the schema, so a change anywhere shows. */
const TABLES: readonly (keyof Database)[] = [
  'associations',
  'members',
  'accounts',
  'sessions',
  'groups',
  'memberships',
  'form_versions',
  'applications',
  'application_targets',
  'application_events',
  'drafts',
  'mail_outbox',
  'mail_attempts',
];

/** Per table: its row count and an md5 of all its rows in a fixed order. */
export type Fingerprint = Record<string, { readonly rows: number; readonly md5: string }>;

/**
 * What the database holds, compressed: two fingerprints are equal exactly when no row was
 * added, removed or changed in any column (up to an md5 collision).
 */
export async function fingerprint(db: Kysely<Database>): Promise<Fingerprint> {
  const result: Fingerprint = {};
  for (const table of TABLES) {
    const { rows } = await sql<{ rows: number | string; md5: string }>`
      select count(*) as rows, md5(coalesce(string_agg(t::text, ',' order by t::text), '')) as md5
      from ${sql.table(table)} t`.execute(db);
    result[table] = { rows: Number(rows[0]!.rows), md5: rows[0]!.md5 };
  }
  return result;
}
