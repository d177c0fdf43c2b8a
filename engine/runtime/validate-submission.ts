import type { FieldError } from '../messages/field-error.js';
import { mapSchemaError } from '../messages/map-schema-error.js';
import { fieldError } from '../messages/render-message.js';
import { checkRules } from './check-rules.js';
import { isDateShaped } from './error-report.js';
import { normaliseDraft } from './normalise-submission.js';
import { escapePointerToken, type RuntimeForm } from './runtime-form.js';
import type { ValidationContext } from './validation-context.js';

export type SubmissionData = Record<string, unknown>;

export type ValidationResult =
  | { readonly ok: true; readonly value: SubmissionData; readonly errors: readonly [] }
  | { readonly ok: false; readonly value: SubmissionData; readonly errors: readonly FieldError[] };

export interface ValidateOptions {
  /** Report only the fields of this step (the browser checks one step at a time). */
  readonly step?: string;
}

/**
 * The whole check of a submission, the same in the browser and on the server: normalise, drop
 * hidden fields, apply cascades, validate against the schema, then the project's own rules.
 * Failures are values: at most one error per field, with messages in `context.locale`.
 *
 * The server runs a compiled form's generated validation instead (see `compileValidation`),
 * which reports through `error-report.ts` and gives the same result: the property tests hold
 * the two to it. Browsers run this one, a step at a time, where bytes count more than speed.
 */
export function validateSubmission(
  form: RuntimeForm,
  input: unknown,
  context: ValidationContext,
  options?: ValidateOptions,
): ValidationResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, value: {}, errors: [fieldError(undefined, 'notAnObject', context.locale)] };
  }
  const { value, slots, unknownKeys, selectionFindings } = normaliseDraft(
    form,
    input as Record<string, unknown>,
    context.sources,
  );
  const { locale } = context;
  // Errors and the fields that have one; most submissions have none, so nothing is made for them.
  let errors: FieldError[] | undefined;
  let failed: string[] | undefined;
  // An index loop: the shared empty list is frozen, and V8 runs for…of over a frozen array slowly.
  for (let index = 0; index < unknownKeys.length; index++) {
    const key = unknownKeys[index]!;
    (errors ??= []).push(fieldError(undefined, 'unknownField', locale, `/${escapePointerToken(key)}`, undefined, key));
    (failed ??= []).push(key);
  }
  // A choice outside the member's groups says more than any count or shape error about it.
  if (selectionFindings !== undefined) {
    for (const { field, violation } of selectionFindings) {
      (errors ??= []).push(fieldError(field, violation, locale));
      (failed ??= []).push(field.name);
    }
  }
  const validateSchema = form.validateSchema;
  if (!validateSchema(value)) {
    for (const schemaError of validateSchema.errors ?? []) {
      const mapped = mapSchemaError(form, schemaError);
      if (!mapped || failed?.includes(mapped.fieldName)) continue;
      (failed ??= []).push(mapped.fieldName);
      const code = mapped.code === 'dateFormat' && isDateShaped(value[mapped.fieldName]) ? 'dateInvalid' : mapped.code;
      (errors ??= []).push(fieldError(mapped.field, code, locale, mapped.pointer, mapped.limit, mapped.fieldName));
    }
  }
  const ruleFields = form.ruleFields;
  for (let index = 0; index < ruleFields.length; index++) {
    const field = ruleFields[index]!;
    const fieldValue = slots[field.index];
    if (fieldValue === undefined || failed?.includes(field.name)) continue;
    const parent = field.parentIndex < 0 ? undefined : slots[field.parentIndex];
    const ruleError = checkRules(field, fieldValue, parent, context);
    if (ruleError) (errors ??= []).push(ruleError);
  }
  if (errors === undefined) return { ok: true, value, errors: [] };
  const step = options?.step;
  const reported = step === undefined ? errors : errors.filter((error) => inStep(form, error, step));
  return reported.length === 0 ? { ok: true, value, errors: [] } : { ok: false, value, errors: reported };
}

function inStep(form: RuntimeForm, error: FieldError, step: string): boolean {
  return form.fieldByName.get(error.field)?.stepId === step;
}
