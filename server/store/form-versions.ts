import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { LoadedForm } from '../forms/index.js';

/** A form file carries a version number the database already holds with other content. */
export class FormVersionConflictError extends Error {
  override readonly name = 'FormVersionConflictError';
  readonly formId: string;
  readonly version: number;
  constructor(file: string, formId: string, version: number, storedHash: string, fileHash: string) {
    super(
      `${file}: version ${version} of "${formId}" is already published in the database with different content ` +
        `(stored ${storedHash}, file ${fileHash}). Raise "version" in the file to publish the change; ` +
        `applications filed against version ${version} keep it.\n` +
        `${file}: 「${formId}」のバージョン${version}は、内容の異なる定義がすでにデータベースに公開されています。` +
        '変更を公開するには version を上げてください。',
    );
    this.formId = formId;
    this.version = version;
  }
}

/**
 * Publishes every loaded form version that the database does not hold yet, and refuses (throws
 * FormVersionConflictError) when a stored id+version has a different hash: a published version
 * never changes under filed applications. Returns the `id@version` keys it inserted.
 */
export async function syncFormVersions(
  db: Kysely<Database>,
  forms: ReadonlyMap<string, LoadedForm>,
  publishedBy: string | null = null,
): Promise<string[]> {
  const inserted: string[] = [];
  for (const { form, hash, file } of forms.values()) {
    const result = await db
      .insertInto('form_versions')
      .values({
        form_id: form.id,
        version: form.version,
        hash,
        definition: JSON.stringify(form.definition),
        published_by: publishedBy,
      })
      .onConflict((oc) => oc.columns(['form_id', 'version']).doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0) > 0) {
      inserted.push(`${form.id}@${form.version}`);
      continue;
    }
    const stored = await db
      .selectFrom('form_versions')
      .select('hash')
      .where('form_id', '=', form.id)
      .where('version', '=', form.version)
      .executeTakeFirstOrThrow();
    if (stored.hash !== hash) throw new FormVersionConflictError(file, form.id, form.version, stored.hash, hash);
  }
  return inserted;
}
