/**
 * The slice of an Ajv validate function the engine uses. Both `ajv.compile` results and the
 * precompiled standalone modules have this shape, so the same pipeline runs on either.
 */
export interface SchemaError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly schemaPath?: string;
}

export interface SchemaValidator {
  (data: unknown): boolean;
  errors?: readonly SchemaError[] | null;
}

/**
 * A validator compiled at its first call rather than now. For a schema known to compile (it
 * did, under the same code, on the same files), this moves Ajv's code generation, most of a
 * form's compile, out of the server's start to the form's first submission.
 */
export function compiledWhenFirstUsed(compile: () => SchemaValidator): SchemaValidator {
  let compiled: SchemaValidator | undefined;
  const validate: SchemaValidator = (data) => {
    compiled ??= compile();
    const valid = compiled(data);
    validate.errors = compiled.errors;
    return valid;
  };
  return validate;
}
