import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { LOCALES, type Locale } from '../../engine/index.js';

/** The three parts of every mail. Subjects are plain text; bodies come as HTML and as text. */
export const TEMPLATE_PARTS = ['subject', 'html', 'text'] as const;
export type TemplatePart = (typeof TEMPLATE_PARTS)[number];
/** Layouts and partials exist per output kind: HTML (escaped) or text (not escaped). */
export type OutputKind = 'html' | 'text';

/** A template file: the path shown in messages (`templates/…/html.ja.hbs`) and its text. */
export interface SourceFile {
  readonly file: string;
  readonly source: string;
}

/** `html.ja` — a part in a locale, the key of a template folder's files. */
export type PartKey = `${TemplatePart}.${Locale}`;
/** `html.ja` — an output kind in a locale, the key of layouts and partial sets. */
export type KindKey = `${OutputKind}.${Locale}`;

export interface TemplateFolder {
  readonly name: string;
  readonly files: ReadonlyMap<PartKey, SourceFile>;
}

/**
 * Everything under `templates/`, read once and shared by the renderer and the check:
 * - `<name>/subject.ja.hbs`, `html.ja.hbs`, `text.ja.hbs` and the `.en` trio: one mail template;
 * - `_layouts/html.ja.hbs`, `text.ja.hbs` (and `.en`): the frame around every body (`{{body}}`);
 * - `_partials/<partial>.<html|text>[.<ja|en>].hbs`: `{{> partial}}`; a file with a locale
 *   wins over the one without.
 */
export interface TemplateSources {
  /** The folder's name as messages show it: `templates`. */
  readonly root: string;
  readonly templates: ReadonlyMap<string, TemplateFolder>;
  readonly layouts: ReadonlyMap<KindKey, SourceFile>;
  readonly partials: ReadonlyMap<KindKey, ReadonlyMap<string, SourceFile>>;
  /** `.hbs` files whose name follows none of the patterns above: most likely a typo. */
  readonly strays: readonly SourceFile[];
}

const TEMPLATE_FILE = /^(subject|html|text)\.(ja|en)\.hbs$/;
const LAYOUT_FILE = /^(html|text)\.(ja|en)\.hbs$/;
const PARTIAL_FILE = /^([a-z0-9][a-z0-9-]*)\.(html|text)(?:\.(ja|en))?\.hbs$/;

/** Reads every template, layout and partial; an absent folder holds none. */
export async function readTemplateSources(templatesDir: string): Promise<TemplateSources> {
  const shownRoot = path.basename(templatesDir);
  let entries: string[];
  try {
    entries = await readdir(templatesDir, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    entries = [];
  }
  const files = entries
    .map((entry) => entry.split(path.sep).join('/'))
    .filter((entry) => entry.endsWith('.hbs'))
    .sort();
  const templates = new Map<string, Map<PartKey, SourceFile>>();
  const layouts = new Map<KindKey, SourceFile>();
  const shared = new Map<OutputKind, Map<string, SourceFile>>();
  const localized = new Map<KindKey, Map<string, SourceFile>>();
  const strays: SourceFile[] = [];
  // Read all at once: at start the embedded database keeps the event loop busy between reads.
  const texts = await Promise.all(files.map((relative) => readFile(path.join(templatesDir, relative), 'utf8')));
  for (const [index, relative] of files.entries()) {
    const source: SourceFile = { file: `${shownRoot}/${relative}`, source: texts[index]! };
    const folder = path.posix.dirname(relative);
    const base = path.posix.basename(relative);
    if (folder === '_layouts') {
      const match = LAYOUT_FILE.exec(base);
      if (match) layouts.set(`${match[1]}.${match[2]}` as KindKey, source);
      else strays.push(source);
    } else if (folder === '_partials') {
      const match = PARTIAL_FILE.exec(base);
      if (!match) strays.push(source);
      else if (match[3] === undefined) mapOf(shared, match[2] as OutputKind).set(match[1]!, source);
      else mapOf(localized, `${match[2]}.${match[3]}` as KindKey).set(match[1]!, source);
    } else if (folder === '.' || folder.split('/').some((part) => part.startsWith('_'))) {
      strays.push(source);
    } else {
      const match = TEMPLATE_FILE.exec(base);
      if (match) mapOf(templates, folder).set(`${match[1]}.${match[2]}` as PartKey, source);
      else strays.push(source);
    }
  }
  const partials = new Map<KindKey, ReadonlyMap<string, SourceFile>>();
  for (const kind of ['html', 'text'] as const) {
    for (const locale of LOCALES) {
      const key: KindKey = `${kind}.${locale}`;
      partials.set(key, new Map([...(shared.get(kind) ?? []), ...(localized.get(key) ?? [])]));
    }
  }
  return {
    root: shownRoot,
    templates: new Map([...templates].map(([name, parts]) => [name, { name, files: parts }])),
    layouts,
    partials,
    strays,
  };
}

/** The output kind a part renders as: subjects are text. */
export function kindOf(part: TemplatePart): OutputKind {
  return part === 'html' ? 'html' : 'text';
}

function mapOf<K, V>(maps: Map<K, Map<string, V>>, key: K): Map<string, V> {
  let map = maps.get(key);
  if (!map) {
    map = new Map();
    maps.set(key, map);
  }
  return map;
}
