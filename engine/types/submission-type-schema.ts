import type { FormDefinition, JsonSchema } from '../definition/form-definition.js';

/**
 * The schema the TypeScript type of a submission is generated from: the data schema, with the
 * fields that are shown only under a condition made optional (they are absent when hidden).
 */
export function submissionTypeSchema(definition: FormDefinition): JsonSchema {
  const required = ((definition.schema.required as string[] | undefined) ?? []).filter(
    (name) => definition.fields[name]?.visibleWhen === undefined,
  );
  return { ...definition.schema, title: submissionTypeName(definition.id), required };
}

/** `withdrawal` → `WithdrawalSubmission`, `change-of-address` → `ChangeOfAddressSubmission`. */
export function submissionTypeName(formId: string): string {
  const pascal = formId.replace(/(^|-)([a-z0-9])/g, (_match, _dash, letter: string) => letter.toUpperCase());
  return `${pascal}Submission`;
}
