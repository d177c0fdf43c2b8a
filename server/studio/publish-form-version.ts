import type { Kysely } from 'kysely';
import type { DefinitionIssue } from '../../engine/index.js';
import type { Database } from '../db/database.js';
import type { FormCatalog } from '../form-catalog/form-catalog.js';
import { definitionHash } from '../forms/index.js';
import { checkDraft, draftFile } from './check-draft.js';
import { definitionShapeIssue } from './definition-limits.js';
import type { PatternGuard } from './pattern-guard.js';
import type { StudioFiles } from './studio-files.js';

export interface PublishInput {
  readonly formId: string;
  readonly definition: unknown;
  /** The version the staff member was editing: publishing is refused if it is no longer current. */
  readonly expectedCurrentVersion: number;
  /** The staff account's login, recorded in `form_versions.published_by`. */
  readonly publishedBy: string;
  readonly files: StudioFiles;
  readonly guard: PatternGuard;
}

export type PublishOutcome =
  | {
      readonly kind: 'published';
      readonly version: number;
      readonly hash: string;
      readonly publishedAt: Date;
      readonly publishedBy: string;
    }
  /** The form has no published version: the studio edits forms that exist. */
  | { readonly kind: 'unknown-form' }
  /** Someone published another version since the editor loaded this one. */
  | { readonly kind: 'conflict'; readonly currentVersion: number }
  | { readonly kind: 'rejected'; readonly issues: readonly DefinitionIssue[] };

/**
 * Publishes a draft as the next version of its form: the server, not the draft, sets `version`
 * to the current one plus one, checks the result fully, stores it in `form_versions` with who
 * published it, and makes it current in the running catalog. Applications filed against earlier
 * versions keep theirs. Two staff publishing at once: the database's key on (form, version) lets
 * one through and the other gets `conflict`.
 */
export async function publishFormVersion(
  db: Kysely<Database>,
  catalog: FormCatalog,
  input: PublishInput,
): Promise<PublishOutcome> {
  const current = await catalog.current(input.formId);
  if (!current) return { kind: 'unknown-form' };
  const currentVersion = current.form.version;
  if (input.expectedCurrentVersion !== currentVersion) return { kind: 'conflict', currentVersion };
  if (!isObject(input.definition)) {
    return { kind: 'rejected', issues: [notAnObject(input.formId)] };
  }
  const shape = definitionShapeIssue(input.formId, draftFile(input.formId), input.definition);
  if (shape) return { kind: 'rejected', issues: [shape] };
  if (definitionHash({ ...input.definition, version: currentVersion }) === current.hash) {
    return { kind: 'rejected', issues: [unchanged(input.formId, currentVersion)] };
  }
  const version = currentVersion + 1;
  const definition = { ...input.definition, version };
  const checked = await checkDraft({ ...input, definition });
  if (!checked.ok) return { kind: 'rejected', issues: checked.issues };
  const inserted = await db
    .insertInto('form_versions')
    .values({
      form_id: input.formId,
      version,
      hash: checked.hash,
      definition: JSON.stringify(definition),
      published_by: input.publishedBy,
    })
    .onConflict((oc) => oc.columns(['form_id', 'version']).doNothing())
    .returning(['published_at'])
    .executeTakeFirst();
  if (!inserted) return { kind: 'conflict', currentVersion: version };
  catalog.adopt(checked.form, checked.hash);
  return {
    kind: 'published',
    version,
    hash: checked.hash,
    publishedAt: inserted.published_at,
    publishedBy: input.publishedBy,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function notAnObject(formId: string): DefinitionIssue {
  return {
    formId,
    file: draftFile(formId),
    pointer: '',
    code: 'not-an-object',
    message: { ja: '定義は JSON のオブジェクトにしてください。', en: 'A definition is a JSON object.' },
  };
}

function unchanged(formId: string, version: number): DefinitionIssue {
  return {
    formId,
    file: draftFile(formId),
    pointer: '',
    code: 'unchanged',
    message: {
      ja: `内容がバージョン${version}と同じです。変更してから公開してください。`,
      en: `The content equals version ${version}. Change something before publishing.`,
    },
  };
}
