import type { FieldError } from '../messages/field-error.js';
import { mapSchemaError } from '../messages/map-schema-error.js';
import { fieldError } from '../messages/render-message.js';
import { isIsoShaped } from '../rules/date-input.js';
import { exceedsMaxCharacters } from '../rules/max-characters.js';
import { checkDateBounds } from '../rules/relative-date.js';
import type { OptionItem } from '../sources/source-catalog.js';
import { sourceItemsUnder } from '../sources/source-items.js';
import { normaliseDraft } from './normalise-submission.js';
import { escapePointerToken, type FieldPlan, type RuntimeForm } from './runtime-form.js';
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
    const ruleError = checkRules(field, fieldValue, slots, context);
    if (ruleError) (errors ??= []).push(ruleError);
  }
  if (errors === undefined) return { ok: true, value, errors: [] };
  const step = options?.step;
  const reported = step === undefined ? errors : errors.filter((error) => inStep(form, error, step));
  return reported.length === 0 ? { ok: true, value, errors: [] } : { ok: false, value, errors: reported };
}

/** `YYYY-MM-DD` in shape: a date that fails `format` in this shape is not a calendar day. */
function isDateShaped(value: unknown): boolean {
  // Strings, nearly always, without a regular expression; anything else as its text reads.
  return typeof value === 'string' ? isIsoShaped(value) : /^\d{4}-\d{2}-\d{2}$/.test(String(value));
}

/** The project's rules beyond JSON Schema, for one field whose value passed the schema. */
function checkRules(
  field: FieldPlan,
  value: unknown,
  slots: readonly unknown[],
  context: ValidationContext,
): FieldError | undefined {
  const { locale } = context;
  if (
    field.maxCharacters !== undefined &&
    typeof value === 'string' &&
    exceedsMaxCharacters(value, field.maxCharacters)
  ) {
    return fieldError(field, 'maxCharacters', locale, field.pointer, field.maxCharacters);
  }
  if ((field.minDate !== undefined || field.maxDate !== undefined) && typeof value === 'string') {
    // The schema has already checked the format, so the bounds compare real ISO dates.
    const violation = checkDateBounds(value, field.minDate, field.maxDate, context.today, false);
    if (violation) {
      const today = violation.bound === 'today';
      const code =
        violation.code === 'minDate' ? (today ? 'minDateToday' : 'minDate') : today ? 'maxDateToday' : 'maxDate';
      return fieldError(field, code, locale, field.pointer, violation.limit.replaceAll('-', '/'));
    }
  }
  if (!field.ui.source || field.widget === 'association-layers') return undefined;
  const parent = field.parentIndex < 0 ? undefined : slots[field.parentIndex];
  const allowed = sourceItemsUnder<OptionItem>(field.ui, context.sources, parent);
  const chosen = Array.isArray(value) ? value : [value];
  for (const item of chosen) {
    if (!allowed.some((option) => option.value === item)) return fieldError(field, 'notInSource', locale);
  }
  return undefined;
}

function inStep(form: RuntimeForm, error: FieldError, step: string): boolean {
  return form.fieldByName.get(error.field)?.stepId === step;
}
