import { type CompiledForm, standaloneValidatorModule } from '../../engine/index.js';

const EXPORT = 'export default ';

/**
 * The precompiled validator module the server sends browsers for a form version: the engine's
 * standalone module, minified by esbuild when it is installed (it is wherever `npm start` has
 * built the server), else as the engine wrote it. Minified, Ajv's long generated names weigh a
 * quarter less after gzip. The module keeps its header comment and its
 * `export default function createValidator`: only the function's inside is rewritten.
 */
export async function validatorModuleOf(form: CompiledForm): Promise<string> {
  const source = standaloneValidatorModule(form);
  const [header, first, ...rest] = source.split('\n');
  if (!header?.startsWith('//') || !first?.startsWith(EXPORT)) return source;
  let esbuild: typeof import('esbuild');
  try {
    esbuild = await import('esbuild');
  } catch {
    return source;
  }
  // As a plain script, the top-level function keeps its name; everything inside it is minified.
  const script = [first.slice(EXPORT.length), ...rest].join('\n');
  const minified = await esbuild.transform(script, { minify: true, charset: 'utf8' });
  return `${header}\n${EXPORT}${minified.code}`;
}
