import { FORMATS } from '../rules/formats.js';
import { countCodePoints } from '../rules/max-characters.js';
import { jsonEqual } from './json-equal.js';
import type { SchemaValidator } from './schema-validator.js';

/** The module id precompiled validators use to reach our formats. */
export const FORMATS_MODULE_ID = 'mamis:formats';

/**
 * What a precompiled validator may `require`: the few runtime helpers Ajv's generated code
 * calls, supplied here instead of from Ajv's CommonJS files, so the browser needs no Ajv.
 */
const RUNTIME_MODULES: Readonly<Record<string, unknown>> = {
  'ajv/dist/runtime/ucs2length': { default: countCodePoints },
  'ajv/dist/runtime/equal': { default: jsonEqual },
  [FORMATS_MODULE_ID]: FORMATS,
};

export function validatorRequire(id: string): unknown {
  if (!Object.hasOwn(RUNTIME_MODULES, id)) {
    throw new Error(`A precompiled validator asked for "${id}", which the validator runtime does not provide.`);
  }
  return RUNTIME_MODULES[id];
}

/** The default export of a precompiled validator module. */
export type ValidatorFactory = (require: (id: string) => unknown) => SchemaValidator;

/** Turns a precompiled validator module's factory into a validate function. */
export function instantiateValidator(factory: ValidatorFactory): SchemaValidator {
  return factory(validatorRequire);
}
