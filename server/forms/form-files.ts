import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** A definition file as read from `forms/<id>/form.json`, not yet checked. */
export interface FormFile {
  /** The folder name, which the definition's id must equal. */
  readonly folder: string;
  /** The path shown in messages, relative to the project: `forms/withdrawal/form.json`. */
  readonly file: string;
  /** The file as read. */
  readonly text: string;
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
  // Read all at once: at start the embedded database keeps the event loop busy between reads.
  const texts = await Promise.all(
    folders.map((folder) =>
      // A folder without form.json is not a form (e.g. shared assets).
      readFile(path.join(formsDir, folder, DEFINITION_FILE_NAME), 'utf8').catch(() => undefined),
    ),
  );
  const files: FormFile[] = [];
  for (const [index, folder] of folders.entries()) {
    const text = texts[index];
    if (text === undefined) continue;
    const file = path.posix.join(path.basename(formsDir), folder, DEFINITION_FILE_NAME);
    try {
      files.push({ folder, file, text, definition: JSON.parse(text) });
    } catch (error) {
      files.push({ folder, file, text, definition: undefined, parseError: (error as Error).message });
    }
  }
  return files;
}
