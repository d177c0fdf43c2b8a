import path from 'node:path';
import { type CompiledForm, compileForm, type DefinitionIssue, FormDefinitionError } from '../../engine/index.js';
import { checkTemplateReferences } from '../mail/check-template-references.js';
import { definitionHash } from './definition-hash.js';
import { readFormFiles } from './form-files.js';
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
}

export interface LoadFormsOptions {
  readonly formsDir: string;
  readonly templatesDir: string;
  /** False skips the check that mail templates exist (for tools that only need the data schema). */
  readonly checkTemplates?: boolean;
}

/**
 * Reads, checks and compiles every definition in `forms/` and the mail templates they name,
 * refusing a published version whose content changed. A form with any problem is reported and
 * left out; it never reaches members.
 */
export async function loadForms(options: LoadFormsOptions): Promise<LoadFormsResult> {
  const [files, published, templates] = await Promise.all([
    readFormFiles(options.formsDir),
    readPublishedVersions(options.formsDir),
    options.checkTemplates === false ? Promise.resolve(undefined) : listTemplateNames(options.templatesDir),
  ]);
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
  if (templates !== undefined && forms.size > 0) {
    // Every template a form names must compile and use only values that form can produce.
    const templateIssues = await checkTemplateReferences({
      forms: [...forms.values()].map(({ form }) => form),
      templatesDir: options.templatesDir,
    });
    for (const issue of templateIssues) forms.delete(issue.formId);
    issues.push(...templateIssues);
  }
  return { forms, issues };
}

/** The project's own `forms/` and `templates/` folders. */
export function projectFolders(root: string = process.cwd()): LoadFormsOptions {
  return { formsDir: path.join(root, 'forms'), templatesDir: path.join(root, 'templates') };
}
