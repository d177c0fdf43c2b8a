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
