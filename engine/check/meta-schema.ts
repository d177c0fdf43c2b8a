import type { ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import metaSchema from '../../forms/form-definition.schema.json' with { type: 'json' };

/** The meta-schema every definition is checked against, as shipped for editors in `forms/`. */
export const FORM_DEFINITION_META_SCHEMA = metaSchema;

let compiled: ValidateFunction | undefined;

/** The meta-schema's validator, compiled on first use and kept. */
export function metaSchemaValidator(): ValidateFunction {
  compiled ??= new Ajv2020({ strict: true, strictRequired: false, allowUnionTypes: true, allErrors: true }).compile(
    metaSchema,
  );
  return compiled;
}
