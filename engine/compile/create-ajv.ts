import { _ } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
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
}

/**
 * An Ajv for data schemas: strict (a typo in a keyword fails at load), every error reported,
 * our own formats (2024-02-30 is not a date), and nothing that would change the data.
 */
export function createDataAjv(options: DataAjvOptions = {}): Ajv2020 {
  const ajv = new Ajv2020({
    validateSchema: options.validateSchema ?? true,
    strict: true,
    // `required` inside if/then names properties declared at the top level, which is how
    // conditions are written; the rule would reject every conditional requirement.
    strictRequired: false,
    allErrors: true,
    // The engine words every message itself: Ajv's English ones would only weigh down the
    // precompiled validators the browser loads. The schema check keeps them: they explain why a
    // schema does not meet the meta-schema.
    messages: options.validateSchema !== false,
    useDefaults: false,
    coerceTypes: false,
    removeAdditional: false,
    unicodeRegExp: true,
    // Precompiled validators reach the formats through the validator runtime's `require`.
    code: { source: true, lines: false, optimize: true, formats: _`require(${FORMATS_MODULE_ID})` },
  });
  for (const [name, validate] of Object.entries(FORMATS)) ajv.addFormat(name, validate);
  for (const [keyword, metaSchema] of Object.entries(ENGINE_KEYWORDS)) {
    // The keyword's own meta-schema only serves the schema check; without it, nothing to compile.
    ajv.addKeyword(options.validateSchema === false ? { keyword } : { keyword, metaSchema });
  }
  return ajv;
}
