/**
 * The engine: one form definition in; checking, compilation, validation, step views, the
 * confirm view and the schema of the submission type out. Pure: no I/O, no DOM, no Node APIs.
 */
export * from './browser.js';
export { type CheckInput, type CheckResult, checkDefinition } from './check/check-definition.js';
export { type DefinitionIssue, formatIssue } from './check/definition-issue.js';
export { FormDefinitionError } from './check/form-definition-error.js';
export { FORM_DEFINITION_META_SCHEMA } from './check/meta-schema.js';
export { type CompiledForm, compileForm } from './compile/compile-form.js';
// Shadows the browser's export of the same name: on the server, a compiled form validates by
// the code generated for it. The browser bundle, which cannot run generated code, is unchanged.
export { compileValidation, type SubmissionValidation, validateSubmission } from './compile/compile-validation.js';
export { createDataAjv, ENGINE_KEYWORDS } from './compile/create-ajv.js';
export { deriveDataSchema } from './compile/derive-data-schema.js';
export { standaloneValidatorModule } from './compile/standalone-module.js';
export { canonicalJson } from './definition/canonical-json.js';
export { FORMATS } from './rules/formats.js';
export { isSourceName, SOURCE_CATALOG, type SourceDescription, type SourceKind } from './sources/source-catalog.js';
export { submissionTypeName, submissionTypeSchema } from './types/submission-type-schema.js';
