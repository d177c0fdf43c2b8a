import { type DefinitionIssue, formatIssue } from './definition-issue.js';

/** Thrown when a definition that fails its check is about to be used. */
export class FormDefinitionError extends Error {
  override readonly name = 'FormDefinitionError';
  readonly formId: string;
  readonly issues: readonly DefinitionIssue[];

  constructor(formId: string, issues: readonly DefinitionIssue[], options?: { cause?: unknown }) {
    super(
      `The form definition "${formId}" has ${issues.length} problem(s):\n${issues.map((issue) => `  ${formatIssue(issue)}`).join('\n')}`,
      options,
    );
    this.formId = formId;
    this.issues = issues;
  }
}
