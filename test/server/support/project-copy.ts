import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const PROJECT_ROOT = path.resolve(import.meta.dirname, '../../..');

// biome-ignore lint/suspicious/noExplicitAny: a test edits definitions freely, as staff do by hand.
export type Loose = any;

/** A fresh copy of the project's forms and templates under `root`, for a test to break. */
export async function copyProjectForms(root: string): Promise<void> {
  for (const folder of ['forms', 'templates']) {
    await rm(path.join(root, folder), { recursive: true, force: true });
    await cp(path.join(PROJECT_ROOT, folder), path.join(root, folder), { recursive: true });
  }
}

/** Changes a JSON file under `root` in place, written back as staff would save it. */
export async function editJson(root: string, file: string, change: (value: Loose) => void): Promise<void> {
  const target = path.join(root, file);
  const value = JSON.parse(await readFile(target, 'utf8'));
  change(value);
  await writeFile(target, JSON.stringify(value, null, 2));
}
