import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DefinitionIssue } from '../../engine/index.js';

/** `forms/published.json`: for each form, the hash of every version that was published. */
export type PublishedVersions = Record<string, Record<string, string>>;

export const PUBLISHED_FILE_NAME = 'published.json';

export async function readPublishedVersions(formsDir: string): Promise<PublishedVersions> {
  try {
    return JSON.parse(await readFile(path.join(formsDir, PUBLISHED_FILE_NAME), 'utf8')) as PublishedVersions;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
}

export async function writePublishedVersions(formsDir: string, versions: PublishedVersions): Promise<void> {
  const sorted: PublishedVersions = {};
  for (const id of Object.keys(versions).sort()) sorted[id] = versions[id]!;
  await writeFile(path.join(formsDir, PUBLISHED_FILE_NAME), `${JSON.stringify(sorted, null, 2)}\n`);
}

/**
 * A published version is frozen: its content may not change while its number stays. Returns
 * the issue to report when the definition differs from what was published under its version.
 */
export function checkPublishedVersion(
  published: PublishedVersions,
  form: { readonly id: string; readonly version: number; readonly file: string; readonly hash: string },
): DefinitionIssue | undefined {
  const known = published[form.id]?.[String(form.version)];
  if (known === undefined || known === form.hash) return undefined;
  const highest = Math.max(...Object.keys(published[form.id] ?? {}).map(Number));
  return {
    formId: form.id,
    file: form.file,
    pointer: '/version',
    code: 'published-version-changed',
    message: {
      ja: `「${form.id}」のバージョン${form.version}は公開済みで、内容を変更できません。変更を公開するには version を ${highest + 1} に上げてください（公開済みの申請は元のバージョンのまま表示されます）。`,
      en: `Version ${form.version} of "${form.id}" is published and cannot change. Raise "version" to ${highest + 1} to publish the change (filed applications keep their version).`,
    },
  };
}
