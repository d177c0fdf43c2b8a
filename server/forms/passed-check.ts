import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TemplateSources } from '../mail/template-sources.js';
import type { FormFile } from './form-files.js';
import type { PublishedVersions } from './published-versions.js';

/**
 * A restarted server usually finds the very files its last start checked. The check is
 * deterministic: the same code on the same files gives the same result. So a start records the
 * fingerprint of what passed (the server build, the Node version, every definition, published
 * version and mail template, byte for byte), and a start that finds the same fingerprint compiles
 * the definitions without checking them again. Any change to any of them checks everything.
 */
export const PASSED_CHECK_FILE_NAME = 'passed-forms-check.json';

export interface CheckInputs {
  /** The server build's own fingerprint: without one (run from source), nothing is skipped. */
  readonly build: string;
  readonly files: readonly FormFile[];
  readonly published: PublishedVersions;
  readonly templates: TemplateSources;
}

/** The fingerprint of everything the forms check reads, and of the code that checks. */
export function checkFingerprint(inputs: CheckInputs): string {
  const hash = createHash('sha256');
  // Each part is length-prefixed, so that no two different inputs run together alike.
  const add = (part: string) => hash.update(`${Buffer.byteLength(part)}:${part}`);
  add(inputs.build);
  add(process.version);
  for (const file of inputs.files) {
    add(file.folder);
    add(file.file);
    add(file.text);
  }
  add(JSON.stringify(inputs.published));
  add(inputs.templates.root);
  const templateFiles = [
    ...[...inputs.templates.templates.values()].flatMap((folder) => [...folder.files.values()]),
    ...inputs.templates.layouts.values(),
    ...[...inputs.templates.partials.values()].flatMap((partials) => [...partials.values()]),
    ...inputs.templates.strays,
  ];
  // Sorted by code unit, not localeCompare: its first call builds an ICU collator, some
  // milliseconds of every start, and the order would follow the machine's locale.
  const byPath = (a: { file: string }, b: { file: string }) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
  for (const file of [...new Set(templateFiles)].sort(byPath)) {
    add(file.file);
    add(file.source);
  }
  return `sha256:${hash.digest('hex')}`;
}

/** The fingerprint of the last check that passed in this data folder, if any. */
export async function readPassedCheck(dataDir: string): Promise<string | undefined> {
  let text: string;
  try {
    text = await readFile(path.join(dataDir, PASSED_CHECK_FILE_NAME), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const { fingerprint } = JSON.parse(text) as { fingerprint?: unknown };
    return typeof fingerprint === 'string' ? fingerprint : undefined;
  } catch {
    return undefined; // A damaged record only means checking everything again.
  }
}

export async function recordPassedCheck(dataDir: string, fingerprint: string): Promise<void> {
  await writeFile(path.join(dataDir, PASSED_CHECK_FILE_NAME), `${JSON.stringify({ fingerprint })}\n`);
}
