import type { DefinitionIssue, Locale, MailHook, RuntimeForm } from '../../engine/index.js';
import { layoutShape, mailModelShape } from './mail-model-shape.js';
import { errorLine, errorSummary } from './mail-template-error.js';
import { firstPass, parseTemplate } from './template-compilation.js';
import { BLOCK_HELPERS, MAIL_HELPERS } from './template-environment.js';
import {
  kindOf,
  type OutputKind,
  readTemplateSources,
  type SourceFile,
  TEMPLATE_PARTS,
  type TemplateSources,
} from './template-sources.js';
import { type TemplateProblem, walkTemplate } from './template-walker.js';

export interface CheckTemplateReferencesInput {
  /** The compiled forms whose `mail` hooks name the templates to check. */
  readonly forms: readonly RuntimeForm[];
  /** The `templates/` folder. */
  readonly templatesDir: string;
}

/**
 * Checks every template a form's mail hooks name, before any mail is rendered: each file parses
 * and compiles, and every `{{path}}` leads to a value the view model of THAT form and hook has
 * (`{{fields.reasonOthr}}` or `{{member.nme}}` is an error here, not an empty line in a real
 * mail). Layouts and partials are followed as each template uses them. Returns the problems as
 * definition issues: the template file, `line:column`, a stable code and how to fix it.
 *
 * @example
 * const issues = await checkTemplateReferences({ forms: [...loaded.forms.values()].map((l) => l.form), templatesDir });
 */
export async function checkTemplateReferences(input: CheckTemplateReferencesInput): Promise<DefinitionIssue[]> {
  return checkTemplateSources(input.forms, await readTemplateSources(input.templatesDir));
}

/** The same check on sources already read; `only` narrows it to the hooks naming one template. */
export function checkTemplateSources(
  forms: readonly RuntimeForm[],
  sources: TemplateSources,
  only?: { readonly template: string },
): DefinitionIssue[] {
  const issues = new Map<string, DefinitionIssue>();
  const add = (issue: DefinitionIssue) => {
    issues.set(
      `${issue.formId}\u0000${issue.file}\u0000${issue.pointer}\u0000${issue.code}\u0000${issue.message.en}`,
      issue,
    );
  };
  const files = new FileChecks(add);
  for (const form of forms) {
    for (const [index, hook] of (form.definition.mail ?? []).entries()) {
      if (only && hook.template !== only.template) continue;
      checkHook(form, hook, index, sources, files, add);
    }
  }
  files.finish();
  for (const stray of only ? [] : sources.strays) {
    const folder = stray.file.split('/').slice(1, -1).join('/');
    const owners = forms.filter((form) => (form.definition.mail ?? []).some((hook) => hook.template === folder));
    for (const formId of owners.length > 0 ? owners.map((form) => form.id) : ['templates']) {
      add({
        formId,
        file: stray.file,
        pointer: '',
        code: 'template-file-unknown',
        message: {
          ja: 'このファイル名は使われません。テンプレートは subject|html|text.(ja|en).hbs、レイアウトは _layouts/(html|text).(ja|en).hbs、パーシャルは _partials/<名前>.(html|text)[.(ja|en)].hbs です。名前を直してください。',
          en: 'This file name is never used. Templates are subject|html|text.(ja|en).hbs, layouts _layouts/(html|text).(ja|en).hbs, partials _partials/<name>.(html|text)[.(ja|en)].hbs. Rename it.',
        },
      });
    }
  }
  return [...issues.values()];
}

function checkHook(
  form: RuntimeForm,
  hook: MailHook,
  index: number,
  sources: TemplateSources,
  files: FileChecks,
  add: (issue: DefinitionIssue) => void,
): void {
  const pointer = `/mail/${index}/template`;
  const used = `${form.id} ${pointer}（${hook.on} → ${hook.to}）`;
  const usedEn = `${form.id} ${pointer} (${hook.on} → ${hook.to})`;
  const folder = sources.templates.get(hook.template);
  if (!folder) {
    add({
      formId: form.id,
      file: `${sources.root}/${hook.template}/`,
      pointer,
      code: 'template-missing',
      message: {
        ja: `メールテンプレート「${hook.template}」がありません。templates/${hook.template}/ を作るか、名前を直してください。`,
        en: `There is no mail template "${hook.template}". Create templates/${hook.template}/ or fix the name.`,
      },
    });
    return;
  }
  // Offices always read Japanese; a member may read either language.
  const locales: readonly Locale[] = hook.to === 'member' ? ['ja', 'en'] : ['ja'];
  const shape = mailModelShape(form, hook);
  for (const locale of locales) {
    for (const part of TEMPLATE_PARTS) {
      const file = folder.files.get(`${part}.${locale}`);
      if (!file) {
        add({
          formId: form.id,
          file: `${sources.root}/${hook.template}/${part}.${locale}.hbs`,
          pointer,
          code: 'template-file-missing',
          message: {
            ja: `${part}.${locale}.hbs がありません（${used} で使用）。件名・HTML本文・テキスト本文を${locale === 'en' ? '英語でも' : ''}用意してください。`,
            en: `${part}.${locale}.hbs is missing (used by ${usedEn}). Every template needs a subject, an HTML and a text body${locale === 'en' ? ' in English too' : ''}.`,
          },
        });
        continue;
      }
      const kind = kindOf(part);
      const report = (problem: TemplateProblem) => {
        files.noteIssue(form.id, problem.file);
        add({
          formId: form.id,
          file: problem.file,
          pointer: `${problem.line}:${problem.column}`,
          code: problem.code,
          message: {
            ja: `${problem.message.ja}［${used}］`,
            en: `${problem.message.en} [${usedEn}]`,
          },
        });
      };
      const partials = sources.partials.get(`${kind}.${locale}`) ?? new Map<string, SourceFile>();
      const parse = (source: SourceFile) => files.parse(form.id, source, kind);
      const program = parse(file);
      if (program) walkTemplate(file, program, { kind, root: shape, partials, parse, report });
      const layout = part === 'subject' ? undefined : sources.layouts.get(`${kind}.${locale}`);
      const layoutProgram = layout ? parse(layout) : undefined;
      if (layout && layoutProgram) {
        walkTemplate(layout, layoutProgram, { kind, root: layoutShape(shape), partials, parse, report });
      }
    }
  }
}

/** A file's parse and compile result, computed once per output kind. */
interface FileResult {
  readonly program: hbs.AST.Program | undefined;
  /** Parsing failed: nothing to walk. */
  readonly syntax?: Failure;
  /** Parsed, but code generation failed (e.g. a helper knownHelpersOnly refuses). */
  readonly compile?: Failure;
}

interface Failure {
  readonly line: number | undefined;
  readonly summary: string;
}

/**
 * Parses and compiles each file once. A compile failure is reported only for a file where the
 * walk found nothing: the walk's own message (with line, column and the name meant) is better.
 */
class FileChecks {
  private readonly results = new Map<string, FileResult>();
  private readonly compileFailures = new Map<string, { formId: string; file: SourceFile; failure: Failure }>();
  private readonly walkedWithIssues = new Set<string>();
  constructor(private readonly add: (issue: DefinitionIssue) => void) {}

  parse(formId: string, file: SourceFile, kind: OutputKind): hbs.AST.Program | undefined {
    const key = `${kind}\u0000${file.file}`;
    let result = this.results.get(key);
    if (!result) {
      result = this.check(file, kind);
      this.results.set(key, result);
    }
    if (result.syntax) {
      this.add({
        formId,
        file: file.file,
        pointer: result.syntax.line === undefined ? '' : `${result.syntax.line}:1`,
        code: 'template-syntax',
        message: {
          ja: `テンプレートを読めません: ${result.syntax.summary}。{{ }} の対応と {{#…}}…{{/…}} の閉じ忘れを確認してください。`,
          en: `The template does not parse: ${result.syntax.summary}. Check that every {{ has its }} and every {{#…}} its {{/…}}.`,
        },
      });
    }
    if (result.compile)
      this.compileFailures.set(`${formId}\u0000${file.file}`, { formId, file, failure: result.compile });
    return result.program;
  }

  /** The walk reported a problem in this file for this form. */
  noteIssue(formId: string, file: string): void {
    this.walkedWithIssues.add(`${formId}\u0000${file}`);
  }

  /** Reports the compile failures the walk did not explain. */
  finish(): void {
    for (const [key, { formId, file, failure }] of this.compileFailures) {
      if (this.walkedWithIssues.has(key)) continue;
      this.add({
        formId,
        file: file.file,
        pointer: failure.line === undefined ? '' : `${failure.line}:1`,
        code: 'template-compile',
        message: {
          ja: `テンプレートをコンパイルできません: ${failure.summary}。使えるヘルパーは ${Object.keys(MAIL_HELPERS).join(', ')}、ブロックは ${BLOCK_HELPERS.join(', ')} だけです。`,
          en: `The template does not compile: ${failure.summary}. Only the helpers ${Object.keys(MAIL_HELPERS).join(', ')} and the blocks ${BLOCK_HELPERS.join(', ')} exist.`,
        },
      });
    }
  }

  private check(file: SourceFile, kind: OutputKind): FileResult {
    const { program, error } = parseTemplate(file);
    if (!program) return { program: undefined, syntax: { line: errorLine(error), summary: errorSummary(error) } };
    const pass = firstPass(file, kind);
    if (!pass.compiled) return { program, compile: { line: errorLine(pass.error), summary: errorSummary(pass.error) } };
    return { program };
  }
}
