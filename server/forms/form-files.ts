import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** A definition file as read from `forms/<id>/form.json`, not yet checked. */
export interface FormFile {
  /** The folder name, which the definition's id must equal. */
  readonly folder: string;
  /** The path shown in messages, relative to the project: `forms/withdrawal/form.json`. */
  readonly file: string;
  /** The parsed JSON, or undefined when the file is not JSON (then `parseError` says why). */
  readonly definition: unknown;
  readonly parseError?: string;
}

export const DEFINITION_FILE_NAME = 'form.json';

/** Reads every `forms/<id>/form.json`, in folder order. */
export async function readFormFiles(formsDir: string): Promise<FormFile[]> {
  const entries = await readdir(formsDir, { withFileTypes: true });
  const folders = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  folders.sort();
  const files: FormFile[] = [];
  for (const folder of folders) {
    const absolute = path.join(formsDir, folder, DEFINITION_FILE_NAME);
    let text: string;
    try {
      text = await readFile(absolute, 'utf8');
    } catch {
      continue; // A folder without form.json is not a form (e.g. shared assets).
    }
    const file = path.posix.join(path.basename(formsDir), folder, DEFINITION_FILE_NAME);
    try {
      files.push({ folder, file, definition: JSON.parse(text) });
    } catch (error) {
      files.push({ folder, file, definition: undefined, parseError: (error as Error).message });
    }
  }
  return files;
}
