import { readdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * The names of the mail templates under `templates/`: every folder that holds `.hbs` files,
 * named by its path (`withdrawal/member-submitted`). Folders starting with `_` hold layouts
 * and partials and are not templates.
 */
export async function listTemplateNames(templatesDir: string): Promise<Set<string>> {
  const names = new Set<string>();
  let entries: string[];
  try {
    entries = await readdir(templatesDir, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return names;
    throw error;
  }
  for (const entry of entries) {
    if (!entry.endsWith('.hbs')) continue;
    const folder = path.dirname(entry).split(path.sep).join('/');
    if (folder === '.' || folder.split('/').some((part) => part.startsWith('_'))) continue;
    names.add(folder);
  }
  return names;
}
