import type { Localized } from '../definition/form-definition.js';

/** One problem in a definition: where it is and how to fix it, in Japanese and English. */
export interface DefinitionIssue {
  readonly formId: string;
  readonly file: string;
  /** JSON pointer into the definition file, e.g. `/steps/2/fields/1`. */
  readonly pointer: string;
  /** A stable code, so documentation and tests can name the check. */
  readonly code: string;
  readonly message: Localized;
}

/** `withdrawal (forms/withdrawal/form.json) /steps/2/fields/1: …` */
export function formatIssue(issue: DefinitionIssue, locale: 'ja' | 'en' = 'ja'): string {
  return `${issue.formId} (${issue.file}) ${issue.pointer || '/'} [${issue.code}]: ${issue.message[locale]}`;
}
