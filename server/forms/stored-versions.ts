import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { LoadedForm } from './load-forms.js';

/**
 * Whether the database already holds every loaded form version, each with the hash of its
 * file: then publishing them would write nothing and find no conflict. Publishing writes first
 * and reads after, one form at a time; on the embedded database each of those writes is a
 * commit, and together they took several times as long as this one read.
 */
export async function allVersionsStored(
  db: Kysely<Database>,
  forms: ReadonlyMap<string, LoadedForm>,
): Promise<boolean> {
  if (forms.size === 0) return true;
  const rows = await db
    .selectFrom('form_versions')
    .select(['form_id', 'version', 'hash'])
    .where('form_id', 'in', [...forms.keys()])
    .execute();
  const stored = new Map(rows.map((row) => [`${row.form_id}@${row.version}`, row.hash]));
  return [...forms.values()].every(({ form, hash }) => stored.get(`${form.id}@${form.version}`) === hash);
}
