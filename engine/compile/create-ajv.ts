import { _, type AnySchema, type Options } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { AnyValidateFunction } from 'ajv/dist/core.js';
import type { PrecompiledValidator } from '../check/precompiled-validator.js';
import { FORMATS } from '../rules/formats.js';
import { RELATIVE_DATE_PATTERN } from '../rules/relative-date.js';
import { FORMATS_MODULE_ID } from '../runtime/validator-runtime.js';

/** Keywords of ours that the engine's rules implement; Ajv only checks how they are written. */
export const ENGINE_KEYWORDS = {
  maxCharacters: { type: 'integer', minimum: 0 },
  minDate: { type: 'string', pattern: RELATIVE_DATE_PATTERN },
  maxDate: { type: 'string', pattern: RELATIVE_DATE_PATTERN },
} as const;

export interface DataAjvOptions {
  /**
   * Check each schema against the JSON Schema meta-schema before compiling it (default). The
   * definition check does; compiling a checked schema again need not, and skipping it spares
   * compiling that large meta-schema for every new instance.
   */
  readonly validateSchema?: boolean;
  /**
   * The meta-schemas of the schema check, precompiled (`engine/check/generated/`): the check
   * without compiling them in every new instance, most of the cost of a check. A schema that
   * names its own `$schema` is still checked the way Ajv checks it.
   */
  readonly precompiled?: PrecompiledMetaSchemas;
}

export type EngineKeyword = keyof typeof ENGINE_KEYWORDS;

/** Ajv's validators of JSON Schema 2020-12 and of how each engine keyword is written. */
export interface PrecompiledMetaSchemas {
  readonly jsonSchema: PrecompiledValidator;
  readonly keywords: Readonly<Record<EngineKeyword, PrecompiledValidator>>;
}

/** The meta-schema a data schema is written for when it names no `$schema`. */
export const JSON_SCHEMA_META_SCHEMA_ID = 'https://json-schema.org/draft/2020-12/schema';

/**
 * An Ajv for data schemas: strict (a typo in a keyword fails at load), every error reported,
 * our own formats (2024-02-30 is not a date), and nothing that would change the data.
 */
export function createDataAjv(options: DataAjvOptions = {}): Ajv2020 {
  const settings: Options = {
    validateSchema: options.validateSchema ?? true,
    strict: true,
    // `required` inside if/then names properties declared at the top level, which is how
    // conditions are written; the rule would reject every conditional requirement.
    strictRequired: false,
    allErrors: true,
    // The engine words every message itself: Ajv's English ones would only weigh down the
    // precompiled validators the browser loads. The schema check keeps them: they explain why a
    // schema does not meet the meta-schema. The server validates with the validator the check
    // compiled, where they cost nothing worth a second compilation.
    messages: options.validateSchema !== false,
    useDefaults: false,
    coerceTypes: false,
    removeAdditional: false,
    unicodeRegExp: true,
    // Precompiled validators reach the formats through the validator runtime's `require`.
    code: { source: true, lines: false, optimize: true, formats: _`require(${FORMATS_MODULE_ID})` },
  };
  const precompiled = options.validateSchema === false ? undefined : options.precompiled;
  const ajv = precompiled ? new PrecompiledMetaSchemaAjv(settings, precompiled.jsonSchema) : new Ajv2020(settings);
  for (const [name, validate] of Object.entries(FORMATS)) ajv.addFormat(name, validate);
  for (const [keyword, metaSchema] of Object.entries(ENGINE_KEYWORDS)) {
    // The keyword's own meta-schema only serves the schema check; without it, nothing to compile.
    if (options.validateSchema === false) ajv.addKeyword({ keyword });
    // `validateSchema` is where Ajv keeps the validator it compiles from `metaSchema`: given
    // it, Ajv checks the keyword's values with it and compiles nothing.
    else if (precompiled)
      ajv.addKeyword({
        keyword,
        validateSchema: precompiled.keywords[keyword as EngineKeyword] as unknown as AnyValidateFunction,
      });
    else ajv.addKeyword({ keyword, metaSchema });
  }
  return ajv;
}

/**
 * Ajv checking schemas against JSON Schema 2020-12 with a precompiled validator, where Ajv would
 * compile the meta-schema first. Everything else, the order of the checks and the error it
 * throws included, is Ajv's own.
 */
class PrecompiledMetaSchemaAjv extends Ajv2020 {
  private readonly jsonSchemaValidator: PrecompiledValidator;

  constructor(settings: Options, jsonSchemaValidator: PrecompiledValidator) {
    super(settings);
    this.jsonSchemaValidator = jsonSchemaValidator;
  }

  override validateSchema(schema: AnySchema, throwOrLogError?: boolean): boolean | Promise<unknown> {
    // A boolean schema needs no check; one naming its meta-schema goes the way Ajv resolves it.
    if (typeof schema !== 'object' || schema.$schema !== undefined)
      return super.validateSchema(schema, throwOrLogError);
    const valid = this.jsonSchemaValidator(schema);
    this.errors = this.jsonSchemaValidator.errors;
    if (!valid && throwOrLogError) throw new Error(`schema is invalid: ${this.errorsText()}`);
    return valid;
  }
}
