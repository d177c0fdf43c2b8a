import { LOCALES, type Locale } from '../../engine/index.js';
import { errorLine, errorSummary, MailTemplateError } from './mail-template-error.js';
import type { MailViewModel } from './mail-view-model.js';
import {
  compileNow,
  compileOptions,
  createTemplateEnvironment,
  type TemplateEnvironment,
} from './template-environment.js';
import {
  type KindKey,
  kindOf,
  type OutputKind,
  readTemplateSources,
  type SourceFile,
  TEMPLATE_PARTS,
  type TemplatePart,
  type TemplateSources,
} from './template-sources.js';

type Render = (context: object) => string;

/** A mail rendered for one recipient, ready for the outbox. */
export interface RenderedMail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** The compiled templates: rendering is a lookup and a function call. */
export interface MailTemplates {
  readonly names: ReadonlySet<string>;
  /** Renders a template in a locale, falling back to Japanese when the locale's files are missing. */
  render(name: string, locale: Locale, model: MailViewModel): RenderedMail;
}

/**
 * Reads and compiles every template, layout and partial once, at start. A template that does
 * not parse or compile throws MailTemplateError naming its file and line.
 */
export async function loadMailTemplates(templatesDir: string): Promise<MailTemplates> {
  return compileMailTemplates(await readTemplateSources(templatesDir));
}

export function compileMailTemplates(sources: TemplateSources): MailTemplates {
  const environments = new Map<KindKey, TemplateEnvironment>();
  const layouts = new Map<KindKey, Render>();
  for (const kind of ['html', 'text'] as const) {
    for (const locale of LOCALES) {
      const key: KindKey = `${kind}.${locale}`;
      const environment = createTemplateEnvironment();
      for (const [name, partial] of sources.partials.get(key) ?? []) {
        environment.registerPartial(name, compileFile(environment, partial, kind));
      }
      environments.set(key, environment);
      const layout = sources.layouts.get(key);
      if (layout) layouts.set(key, compileFile(environment, layout, kind));
    }
  }
  const compiled = new Map<string, Map<string, Render>>();
  for (const [name, folder] of sources.templates) {
    const parts = new Map<string, Render>();
    for (const [key, file] of folder.files) {
      const [part, locale] = key.split('.') as [TemplatePart, Locale];
      const kind = kindOf(part);
      parts.set(key, compileFile(environments.get(`${kind}.${locale}`)!, file, kind));
    }
    compiled.set(name, parts);
  }
  return {
    names: new Set(compiled.keys()),
    render(name, locale, model) {
      const parts = compiled.get(name);
      if (!parts) throw new MailTemplateError(`templates/${name}/`, `There is no mail template "${name}".`);
      const use = TEMPLATE_PARTS.every((part) => parts.has(`${part}.${locale}`)) ? locale : 'ja';
      const part = (which: TemplatePart): Render => {
        const render = parts.get(`${which}.${use}`);
        if (!render) throw new MailTemplateError(`templates/${name}/${which}.${use}.hbs`, 'This file is missing.');
        return render;
      };
      const subject = oneLine(part('subject')(model));
      const frame = (kind: OutputKind, body: string): string => {
        const layout = layouts.get(`${kind}.${use}`);
        if (!layout) return body;
        const environment = environments.get(`${kind}.${use}`)!;
        // The body is already rendered (and escaped, for HTML): SafeString keeps it from being escaped twice.
        // Object.assign, not a spread: a spread followed by more properties costs V8 (Node 20)
        // microseconds per object, twice for every mail.
        return layout(
          Object.assign({}, model, { subject, body: kind === 'html' ? new environment.SafeString(body) : body }),
        );
      };
      return {
        subject,
        text: tidyText(frame('text', part('text')(model))),
        html: frame('html', part('html')(model)).trim() + '\n',
      };
    },
  };
}

function compileFile(environment: TemplateEnvironment, file: SourceFile, kind: OutputKind): Render {
  const options = compileOptions(kind);
  try {
    return compileNow(environment, file.source, options);
  } catch (error) {
    throw new MailTemplateError(file.file, errorSummary(error), { line: errorLine(error), cause: error });
  }
}

/** Subjects are one line: a line break in a subject would end the header. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** No trailing blanks, at most one empty line in a row, one final newline. */
export function tidyText(text: string): string {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd());
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
