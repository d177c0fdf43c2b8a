import standaloneModule from 'ajv/dist/standalone/index.js';
import type { CompiledForm } from './compile-form.js';
import { createDataAjv } from './create-ajv.js';

// Ajv's standalone entry is CommonJS; under NodeNext its default import is the module object.
const toSource = standaloneModule.default;

/**
 * The data schema of a form as an ES module with no `new Function` and no Ajv: its default
 * export takes the validator runtime's `require` and returns the validate function. Browsers
 * load it under a strict Content-Security-Policy.
 */
export function standaloneValidatorModule(form: CompiledForm): string {
  // The form was checked when it was compiled: its schema need not meet the meta-schema again.
  const ajv = createDataAjv({ validateSchema: false });
  const validate = ajv.compile(form.dataSchema);
  const body = toSource(ajv, validate);
  return [
    `// Precompiled validator of form "${form.id}" version ${form.version}. Generated; do not edit.`,
    'export default function createValidator(require) {',
    '  const module = { exports: {} };',
    body,
    '  return module.exports;',
    '}',
    '',
  ].join('\n');
}
