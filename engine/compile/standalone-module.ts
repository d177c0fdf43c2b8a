import { _ } from 'ajv';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneModule from 'ajv/dist/standalone/index.js';
import type { SourceCode } from 'ajv/dist/types/index.js';
import type { CompiledForm } from './compile-form.js';
import { createDataAjv } from './create-ajv.js';

// Ajv's standalone entry is CommonJS; under NodeNext its default import is the module object.
const toSource = standaloneModule.default;

/**
 * A string literal of Ajv's generated code (always double-quoted JSON), or an error object's
 * `schemaPath:"#/…",` entry. Matching literals whole means the entry is never found inside one.
 */
const LITERAL_OR_SCHEMA_PATH = /"(?:[^"\\]|\\.)*"|(?<=[{,])schemaPath:"(?:[^"\\]|\\.)*",/g;

/**
 * The data schema of a form as an ES module with no `new Function` and no Ajv: its default
 * export takes the validator runtime's `require` and returns the validate function. Browsers
 * load it under a strict Content-Security-Policy.
 *
 * Every page with a form downloads this module, so its errors carry only what the engine's
 * error mapping reads: `instancePath`, `keyword` and `params`. They leave out `schemaPath`, which
 * spelled out a path at every check, and the allowed values of `enum` and `const`, which embedded
 * the whole schema in the module.
 */
export function standaloneValidatorModule(form: CompiledForm): string {
  // The form was checked when it was compiled: its schema need not meet the meta-schema again.
  const ajv = createDataAjv({ validateSchema: false });
  withoutAllowedValues(ajv);
  const validate = ajv.compile(form.dataSchema);
  const source = validate.source;
  if (!source) throw new Error('Ajv kept no source of the validator: `code.source` must be on.');
  dropUnusedSchemas(source);
  const validateName = source.validateName.str;
  // The factory returns the function itself: no CommonJS `module` is needed to hand it over.
  const commonJsExports = `"use strict";module.exports = ${validateName};module.exports.default = ${validateName};`;
  const code = toSource(ajv, validate);
  if (!code.startsWith(commonJsExports)) throw new Error('Ajv wrote a standalone module of an unknown shape.');
  const body = code
    .slice(commonJsExports.length)
    .replace(LITERAL_OR_SCHEMA_PATH, (match) => (match.startsWith('"') ? match : ''));
  return [
    `// Precompiled validator of form "${form.id}" version ${form.version}. Generated; do not edit.`,
    'export default function createValidator(require) {',
    body,
    `  return ${validateName};`,
    '}',
    '',
  ].join('\n');
}

/** `enum` and `const` errors without the allowed values, which Ajv reads from the schema. */
function withoutAllowedValues(ajv: Ajv2020): void {
  for (const keyword of ['enum', 'const']) {
    const rule = ajv.RULES.all[keyword];
    // This instance's own copy of the keyword's definition: the checks themselves stay the same.
    if (typeof rule === 'object' && rule.definition.error) {
      rule.definition.error = { ...rule.definition.error, params: _`{}` };
    }
  }
}

/** Ajv writes out each schema as a constant whether or not the code refers to it. */
function dropUnusedSchemas(source: SourceCode): void {
  const schemas = source.scopeValues.schema;
  if (!schemas) return;
  for (const name of schemas) {
    if (!new RegExp(`\\b${name.str}\\b`).test(source.validateCode)) schemas.delete(name);
  }
}
