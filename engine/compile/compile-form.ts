import { type CheckInput, checkDefinition, compileDataSchema } from '../check/check-definition.js';
import { FormDefinitionError } from '../check/form-definition-error.js';
import type { FormDefinition, JsonSchema } from '../definition/form-definition.js';
import { createRuntimeForm, type RuntimeForm } from '../runtime/runtime-form.js';
import { compiledWhenFirstUsed } from '../runtime/schema-validator.js';
import { compileValidation, type SubmissionValidation } from './compile-validation.js';
import { deriveDataSchema } from './derive-data-schema.js';

/** A checked definition with its data schema compiled: what the server keeps per form version. */
export interface CompiledForm extends RuntimeForm {
  /** The schema Ajv compiled (conditions turned into if/then). */
  readonly dataSchema: JsonSchema;
  /** Its validation, generated for it; `validateSubmission` runs it (see `compileValidation`). */
  readonly validation: SubmissionValidation | undefined;
}

/**
 * Checks and compiles a definition once. Throws FormDefinitionError, listing every problem,
 * when the definition fails its check: a broken definition never reaches members.
 */
export function compileForm(input: CheckInput): CompiledForm {
  const result = checkDefinition(input);
  if (!result.ok) {
    const id = (input.definition as { id?: unknown } | null)?.id;
    throw new FormDefinitionError(typeof id === 'string' ? id : (input.expectedId ?? input.file), result.issues);
  }
  // The check compiled the data schema to find its problems: that validator is the form's.
  return compiled(createRuntimeForm(result.definition, result.validateSchema), result.dataSchema);
}

/**
 * Compiles a definition that passed the check before, byte for byte, under this same code (a
 * server restarted on unchanged files), without checking it again: the same form `compileForm`
 * gives. Its data schema compiled then, so Ajv compiles it again at the form's first
 * validation, not now: that was most of the forms' share of the server's start. Anything else
 * goes through `compileForm`.
 */
export function compileCheckedForm(definition: FormDefinition): CompiledForm {
  const dataSchema = deriveDataSchema(definition);
  const validateSchema = compiledWhenFirstUsed(() => compileDataSchema(dataSchema));
  return compiled(createRuntimeForm(definition, validateSchema), dataSchema);
}

function compiled(form: RuntimeForm, dataSchema: JsonSchema): CompiledForm {
  return Object.freeze({ ...form, dataSchema, validation: compileValidation(form) });
}
