import { type CheckInput, checkDefinition } from '../check/check-definition.js';
import { FormDefinitionError } from '../check/form-definition-error.js';
import type { JsonSchema } from '../definition/form-definition.js';
import { createRuntimeForm, type RuntimeForm } from '../runtime/runtime-form.js';
import { createDataAjv } from './create-ajv.js';
import { deriveDataSchema } from './derive-data-schema.js';

/** A checked definition with its data schema compiled: what the server keeps per form version. */
export interface CompiledForm extends RuntimeForm {
  /** The schema Ajv compiled (conditions turned into if/then). */
  readonly dataSchema: JsonSchema;
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
  const dataSchema = deriveDataSchema(result.definition);
  // checkDefinition has just compiled this schema against the meta-schema: no need twice.
  const validate = createDataAjv({ validateSchema: false }).compile(dataSchema);
  return Object.freeze({ ...createRuntimeForm(result.definition, validate), dataSchema });
}
