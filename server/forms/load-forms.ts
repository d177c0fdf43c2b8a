import path from 'node:path';
import { compileCheckedForm } from '../../engine/compile/compile-form.js';
import {
  type CompiledForm,
  compileForm,
  type DefinitionIssue,
  type FormDefinition,
  FormDefinitionError,
} from '../../engine/index.js';
import { checkTemplateSources } from '../mail/check-template-references.js';
import { readTemplateSources, type TemplateSources } from '../mail/template-sources.js';
import { definitionHash } from './definition-hash.js';
import { type FormFile, readFormFiles } from './form-files.js';
import { checkFingerprint } from './passed-check.js';
import { checkPublishedVersion, readPublishedVersions } from './published-versions.js';
import { listTemplateNames } from './template-names.js';

/** A compiled form with the hash of its definition, as the server keeps it. */
export interface LoadedForm {
  readonly form: CompiledForm;
  readonly hash: string;
  readonly file: string;
}

export interface LoadFormsResult {
  readonly forms: ReadonlyMap<string, LoadedForm>;
  /** Every problem in every definition; a form with a problem is not in `forms`. */
  readonly issues: readonly DefinitionIssue[];
  /** The fingerprint of what was read, under `build` (see passed-check.ts). */
  readonly fingerprint?: string;
  /** The files were those of `passedCheck`: they were compiled without checking them again. */
  readonly checkSkipped: boolean;
}

export interface LoadFormsOptions {
  readonly formsDir: string;
  readonly templatesDir: string;
  /** False skips the check that mail templates exist (for tools that only need the data schema). */
  readonly checkTemplates?: boolean;
  /** The templates as already read: the server reads them once for this check and its mailer. */
  readonly templateSources?: Promise<TemplateSources>;
  /** The server build running this, when bundled: what the fingerprint of a check names as code. */
  readonly build?: string;
  /** The fingerprint of the last check that passed under `build`; its files need no check again. */
  readonly passedCheck?: string;
}

/**
 * Reads, checks and compiles every definition in `forms/` and the mail templates they name,
 * refusing a published version whose content changed. A form with any problem is reported and
 * left out; it never reaches members. Files byte for byte those of a check that passed under the
 * same build (`passedCheck`) are compiled without being checked again.
 */
export async function loadForms(options: LoadFormsOptions): Promise<LoadFormsResult> {
  const checkTemplates = options.checkTemplates !== false;
  const [files, published, templates, templateSources] = await Promise.all([
    readFormFiles(options.formsDir),
    readPublishedVersions(options.formsDir),
    checkTemplates ? listTemplateNames(options.templatesDir) : undefined,
    checkTemplates ? (options.templateSources ?? readTemplateSources(options.templatesDir)) : undefined,
  ]);
  const fingerprint =
    options.build !== undefined && templateSources !== undefined
      ? checkFingerprint({ build: options.build, files, published, templates: templateSources })
      : undefined;
  if (fingerprint !== undefined && fingerprint === options.passedCheck) {
    return { forms: compileCheckedForms(files), issues: [], fingerprint, checkSkipped: true };
  }
  const forms = new Map<string, LoadedForm>();
  const issues: DefinitionIssue[] = [];
  for (const file of files) {
    if (file.parseError !== undefined) {
      issues.push({
        formId: file.folder,
        file: file.file,
        pointer: '',
        code: 'not-json',
        message: {
          ja: `JSON として読めません: ${file.parseError}。カンマや括弧を確認してください。`,
          en: `Not valid JSON: ${file.parseError}. Check commas and brackets.`,
        },
      });
      continue;
    }
    try {
      const form = compileForm({ definition: file.definition, file: file.file, expectedId: file.folder, templates });
      const hash = definitionHash(file.definition);
      const frozen = checkPublishedVersion(published, { id: form.id, version: form.version, file: file.file, hash });
      if (frozen) {
        issues.push(frozen);
        continue;
      }
      forms.set(form.id, { form, hash, file: file.file });
    } catch (error) {
      if (!(error instanceof FormDefinitionError)) throw error;
      issues.push(...error.issues);
    }
  }
  if (templateSources !== undefined && forms.size > 0) {
    // Every template a form names must compile and use only values that form can produce.
    const templateIssues = checkTemplateSources(
      [...forms.values()].map(({ form }) => form),
      templateSources,
    );
    for (const issue of templateIssues) forms.delete(issue.formId);
    issues.push(...templateIssues);
  }
  return { forms, issues, fingerprint, checkSkipped: false };
}

/** Every definition compiled as the check that passed on these very files left it. */
function compileCheckedForms(files: readonly FormFile[]): Map<string, LoadedForm> {
  const forms = new Map<string, LoadedForm>();
  for (const file of files) {
    const form = compileCheckedForm(file.definition as FormDefinition);
    forms.set(form.id, { form, hash: definitionHash(file.definition), file: file.file });
  }
  return forms;
}

/** The project's own `forms/` and `templates/` folders. */
export function projectFolders(root: string = process.cwd()): LoadFormsOptions {
  return { formsDir: path.join(root, 'forms'), templatesDir: path.join(root, 'templates') };
}
