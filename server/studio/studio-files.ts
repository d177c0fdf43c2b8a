import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { listTemplateNames } from '../forms/index.js';
import { compileMailTemplates, type MailTemplates } from '../mail/mail-templates.js';
import { readTemplateSources, type TemplateSources } from '../mail/template-sources.js';

/** A sample submission from `forms/<id>/examples/<name>.json`, as the forms CLI previews it. */
export interface FormExample {
  readonly name: string;
  readonly data: Record<string, unknown>;
  /** The day the example was written for (its date rules compare with it). */
  readonly today: string | undefined;
}

export interface StudioFolders {
  readonly formsDir: string;
  readonly templatesDir: string;
}

/** Form ids are folder names: this keeps a request from naming any other folder. */
const FORM_ID = /^[a-z][a-z0-9-]{1,39}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The files the studio reads besides the database: the mail templates (read and compiled once,
 * like the mailer's at start) and each form's examples (read on request; they are small).
 */
export class StudioFiles {
  readonly #folders: StudioFolders;
  #sources: Promise<TemplateSources> | undefined;
  #names: Promise<Set<string>> | undefined;
  #templates: Promise<MailTemplates> | undefined;

  constructor(folders: StudioFolders) {
    this.#folders = folders;
  }

  templateSources(): Promise<TemplateSources> {
    this.#sources ??= readTemplateSources(this.#folders.templatesDir);
    return this.#sources;
  }

  /** The template names a definition may use, as the server's start-up check counts them. */
  templateNames(): Promise<ReadonlySet<string>> {
    this.#names ??= listTemplateNames(this.#folders.templatesDir);
    return this.#names;
  }

  mailTemplates(): Promise<MailTemplates> {
    this.#templates ??= this.templateSources().then(compileMailTemplates);
    return this.#templates;
  }

  /** The examples of a form, by file name; none when it has no `examples/` folder. */
  async examples(formId: string): Promise<FormExample[]> {
    if (!FORM_ID.test(formId)) return [];
    const folder = path.join(this.#folders.formsDir, formId, 'examples');
    let files: string[];
    try {
      files = (await readdir(folder)).filter((file) => file.endsWith('.json')).sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const examples: FormExample[] = [];
    for (const file of files) {
      const parsed: unknown = JSON.parse(await readFile(path.join(folder, file), 'utf8'));
      const example = exampleOf(file.replace(/\.json$/, ''), parsed);
      if (example) examples.push(example);
    }
    return examples;
  }
}

/** An example file holds `{ data, today? }` or the data alone (the forms CLI reads both). */
function exampleOf(name: string, parsed: unknown): FormExample | undefined {
  if (!isRecord(parsed)) return undefined;
  if (isRecord(parsed.data)) {
    const today = typeof parsed.today === 'string' && DAY.test(parsed.today) ? parsed.today : undefined;
    return { name, data: parsed.data, today };
  }
  return { name, data: parsed, today: undefined };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
