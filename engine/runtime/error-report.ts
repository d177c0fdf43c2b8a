import type { Locale } from '../definition/form-definition.js';
import type { FieldError } from '../messages/field-error.js';
import { mapSchemaError } from '../messages/map-schema-error.js';
import { fieldError } from '../messages/render-message.js';
import { isIsoShaped } from '../rules/date-input.js';
import { escapePointerToken, type RuntimeForm } from './runtime-form.js';
import type { SchemaError } from './schema-validator.js';
import type { SubmissionData, ValidateOptions, ValidationResult } from './validate-submission.js';
import type { ValidationContext } from './validation-context.js';

/**
 * The errors of one validation as they are found, and the fields (or unknown keys) that have
 * one: a field reports at most its first. Made at the first error, so a valid submission (nearly
 * every one) makes none. A form's generated validation (see `validationSource`) reports through
 * the functions here, each doing what the plain `validateSubmission` does at the same point, so
 * the errors come out the same, in the same order: the property tests hold the two to it.
 */
export interface ErrorReport {
  readonly errors: FieldError[];
  readonly failed: string[];
}

/** Whether the field (or unknown key) called `name` has reported an error already. */
export function hasFailed(report: ErrorReport | undefined, name: string): boolean {
  return report?.failed.includes(name) === true;
}

/** Keys of the input that are no field, in input order: each is an error of its own. */
export function reportUnknownKeys(
  report: ErrorReport | undefined,
  unknownKeys: readonly string[],
  locale: Locale,
): ErrorReport | undefined {
  for (let index = 0; index < unknownKeys.length; index++) {
    const key = unknownKeys[index]!;
    report = reportError(
      report,
      fieldError(undefined, 'unknownField', locale, `/${escapePointerToken(key)}`, undefined, key),
      key,
    );
  }
  return report;
}

/** The schema's errors, each on a field that has none yet; summaries (`if`, `allOf`) are left out. */
export function reportSchemaErrors(
  report: ErrorReport | undefined,
  form: RuntimeForm,
  schemaErrors: readonly SchemaError[] | null | undefined,
  value: Readonly<Record<string, unknown>>,
  locale: Locale,
): ErrorReport | undefined {
  if (!schemaErrors) return report;
  for (let index = 0; index < schemaErrors.length; index++) {
    const mapped = mapSchemaError(form, schemaErrors[index]!);
    if (!mapped || hasFailed(report, mapped.fieldName)) continue;
    const code = mapped.code === 'dateFormat' && isDateShaped(value[mapped.fieldName]) ? 'dateInvalid' : mapped.code;
    const error = fieldError(mapped.field, code, locale, mapped.pointer, mapped.limit, mapped.fieldName);
    report = reportError(report, error, mapped.fieldName);
  }
  return report;
}

/** An error, and the field (or unknown key) it fails; the report, made at the first error. */
export function reportError(report: ErrorReport | undefined, error: FieldError, failed: string): ErrorReport {
  if (report === undefined) return { errors: [error], failed: [failed] };
  report.errors.push(error);
  report.failed.push(failed);
  return report;
}

/** The result of a submission that is not even an object. */
export function notAnObject(context: ValidationContext): ValidationResult {
  return { ok: false, value: {}, errors: [fieldError(undefined, 'notAnObject', context.locale)] };
}

/** The result, with only the errors of `options.step` when one is given. */
export function validationResult(
  form: RuntimeForm,
  value: SubmissionData,
  report: ErrorReport | undefined,
  options: ValidateOptions | undefined,
): ValidationResult {
  if (report === undefined) return { ok: true, value, errors: [] };
  const step = options?.step;
  const reported =
    step === undefined
      ? report.errors
      : report.errors.filter((error) => form.fieldByName.get(error.field)?.stepId === step);
  return reported.length === 0 ? { ok: true, value, errors: [] } : { ok: false, value, errors: reported };
}

/** `YYYY-MM-DD` in shape: a date that fails `format` in this shape is not a calendar day. */
export function isDateShaped(value: unknown): boolean {
  // Strings, nearly always, without a regular expression; anything else as its text reads.
  return typeof value === 'string' ? isIsoShaped(value) : /^\d{4}-\d{2}-\d{2}$/.test(String(value));
}
