/**
 * The engine as the browser uses it: everything that runs a compiled form, and nothing that
 * compiles one (no Ajv, no `new Function`). Precompiled validators come in through
 * `instantiateValidator`.
 */
export type * from './definition/form-definition.js';
export { LOCALES, MAIL_EVENTS, WIDGETS } from './definition/form-definition.js';
export type { FieldError } from './messages/field-error.js';
export type { MessageCode } from './messages/message-codes.js';
export { type AssociationSelection, isAssociationSelection } from './rules/association-selection.js';
export { applyCascade, type CascadeDirection, type LayeredGroup } from './rules/cascade.js';
export { formatDisplayDate, isCalendarDate, normaliseDateInput, toHalfWidthDigits } from './rules/date-input.js';
export { countCharacters } from './rules/max-characters.js';
export { resolveDateBound } from './rules/relative-date.js';
export { type NormalisedSubmission, normaliseSubmission } from './runtime/normalise-submission.js';
export { createRuntimeForm, type FieldPlan, type RuntimeForm } from './runtime/runtime-form.js';
export type { SchemaError, SchemaValidator } from './runtime/schema-validator.js';
export {
  type SubmissionData,
  type ValidateOptions,
  type ValidationResult,
  validateSubmission,
} from './runtime/validate-submission.js';
export type { ValidationContext } from './runtime/validation-context.js';
export { instantiateValidator, type ValidatorFactory, validatorRequire } from './runtime/validator-runtime.js';
export { conditionHolds, hiddenFields } from './runtime/visibility.js';
export type {
  GroupItem,
  LayerAssociation,
  OptionItem,
  ResolvedSources,
  SourceName,
} from './sources/source-catalog.js';
export { sourceItems } from './sources/source-items.js';
export type { ConfirmRow, ConfirmSection, ConfirmTarget, ConfirmView } from './views/confirm-view.js';
export { deriveConfirmView } from './views/derive-confirm-view.js';
export { deriveStepView, progressOf } from './views/derive-step-view.js';
export { layerLabel } from './views/localized-text.js';
export type { BlockView, FieldView, GroupView, OptionView, ProgressItem, StepView } from './views/step-view.js';
