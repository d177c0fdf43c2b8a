import { LOCALES, type Locale } from '../../engine/index.js';
import { errorLine, errorSummary, MailTemplateError } from './mail-template-error.js';
import type { MailViewModel } from './mail-view-model.js';
import { firstPass, templateSpec } from './template-compilation.js';
import { createTemplateEnvironment, type TemplateEnvironment } from './template-environment.js';
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

type Render = Handlebars.TemplateDelegate<object>;

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
 * not parse or compile throws MailTemplateError naming its file and line; its JavaScript is
 * generated when a mail first needs it.
 */
export async function loadMailTemplates(templatesDir: string): Promise<MailTemplates> {
  return compileMailTemplates(await readTemplateSources(templatesDir));
}

export interface CompileMailTemplatesOptions {
  /**
   * These very sources compiled before, under this same code (the server's start found the
   * files its last start checked): each file is then parsed when a mail first needs it too.
   */
  readonly compiledBefore?: boolean;
}

export function compileMailTemplates(
  sources: TemplateSources,
  options: CompileMailTemplatesOptions = {},
): MailTemplates {
  const compileFile = options.compiledBefore ? compileWhenUsed : compileNow;
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

/**
 * Parses and compiles a file now, so that a broken one fails at start rather than inside a
 * member's submission. Generating its JavaScript, where Handlebars finds no fault in a template
 * that got this far, waits for its first render: at start it cost more than everything else
 * done to the templates.
 */
function compileNow(environment: TemplateEnvironment, file: SourceFile, kind: OutputKind): Render {
  const pass = firstPass(file, kind);
  if (!pass.compiled) throw templateError(file, pass.error);
  return compileWhenUsed(environment, file, kind);
}

function compileWhenUsed(environment: TemplateEnvironment, file: SourceFile, kind: OutputKind): Render {
  let render: Render | undefined;
  // Partials are called with Handlebars' options as well: passed on as they come.
  return (context, options) => {
    render ??= instantiate(environment, file, kind);
    return render(context, options);
  };
}

function instantiate(environment: TemplateEnvironment, file: SourceFile, kind: OutputKind): Render {
  try {
    return environment.template(templateSpec(file, kind));
  } catch (error) {
    throw templateError(file, error);
  }
}

function templateError(file: SourceFile, error: unknown): MailTemplateError {
  return new MailTemplateError(file.file, errorSummary(error), { line: errorLine(error), cause: error });
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
