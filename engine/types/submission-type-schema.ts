import type { FormDefinition, JsonSchema } from '../definition/form-definition.js';

/**
 * The schema the TypeScript type of a submission is generated from: the data schema, with the
 * fields that are shown only under a condition made optional (they are absent when hidden).
 */
export function submissionTypeSchema(definition: FormDefinition): JsonSchema {
  const required = ((definition.schema.required as string[] | undefined) ?? []).filter(
    (name) => definition.fields[name]?.visibleWhen === undefined,
  );
  const properties: Record<string, JsonSchema> = {};
  for (const [name, schema] of Object.entries((definition.schema.properties ?? {}) as Record<string, JsonSchema>)) {
    const label = definition.fields[name]?.label;
    properties[name] = label ? { ...schema, description: `${label.ja} / ${label.en}` } : schema;
  }
  return { ...definition.schema, title: submissionTypeName(definition.id), required, properties };
}

/** `withdrawal` → `WithdrawalSubmission`, `change-of-address` → `ChangeOfAddressSubmission`. */
export function submissionTypeName(formId: string): string {
  const pascal = formId.replace(/(^|-)([a-z0-9])/g, (_match, _dash, letter: string) => letter.toUpperCase());
  return `${pascal}Submission`;
}
