import { fieldError } from '../messages/render-message.js';
import { checkSelection, isAssociationSelection } from '../rules/association-selection.js';
import { applyCascade } from '../rules/cascade.js';
import { checkRules } from '../runtime/check-rules.js';
import {
  hasFailed,
  notAnObject,
  reportError,
  reportSchemaErrors,
  reportUnknownKeys,
  validationResult,
} from '../runtime/error-report.js';
import type { RuntimeForm } from '../runtime/runtime-form.js';
import { firstGroupWithId } from '../runtime/settle-selections.js';
import {
  type ValidateOptions,
  type ValidationResult,
  validateSubmission as validateByPlan,
} from '../runtime/validate-submission.js';
import type { ValidationContext } from '../runtime/validation-context.js';
import { sourceItemsUnder } from '../sources/source-items.js';
import { validationSource } from './validation-source.js';

/** `validateSubmission` for one form, written out for it. */
export type SubmissionValidation = (
  input: unknown,
  context: ValidationContext,
  options?: ValidateOptions,
) => ValidationResult;

/** A form that carries its generated validation (the server's compiled forms do). */
interface FormWithValidation extends RuntimeForm {
  readonly validation?: SubmissionValidation;
}

/**
 * A form's validation as generated code (see `validationSource`). Only where code may be made
 * at run time, as Ajv's `compile` does: the server. Browsers, under a Content-Security-Policy
 * without `unsafe-eval`, run the plain pipeline, which gives the same results. Undefined for a
 * form with more fields than `MAX_GENERATED_FIELDS`, which keeps the plain pipeline too.
 */
export function compileValidation(form: RuntimeForm): SubmissionValidation | undefined {
  if (form.fields.length > MAX_GENERATED_FIELDS) return undefined;
  const runtime = {
    form,
    selection: { isAssociationSelection, firstGroupWithId, applyCascade, checkSelection, sourceItemsUnder },
    report: { fieldError, hasFailed, reportError, reportUnknownKeys, reportSchemaErrors },
    rules: { checkRules },
    result: { notAnObject, validationResult },
  };
  return new Function('runtime', validationSource(form))(runtime) as SubmissionValidation;
}

/**
 * V8 compiles the generated function at its first call, in a time that grows faster than the
 * number of fields: about 35 ms at 300 fields, 150 ms at 1,000, seconds at 10,000 (measured).
 * A checked definition has at most 200 (the meta-schema's limit); a form made in code past this
 * size is validated by its plan.
 */
const MAX_GENERATED_FIELDS = 256;

/**
 * The whole check of a submission (see the plain `validateSubmission`), by the form's generated
 * validation when it has one, else by its plan. Same result either way, only sooner.
 */
export function validateSubmission(
  form: RuntimeForm,
  input: unknown,
  context: ValidationContext,
  options?: ValidateOptions,
): ValidationResult {
  const validation = (form as FormWithValidation).validation;
  return validation === undefined ? validateByPlan(form, input, context, options) : validation(input, context, options);
}
