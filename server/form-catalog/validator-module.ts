import { type CompiledForm, standaloneValidatorModule } from '../../engine/index.js';

/**
 * The precompiled validator module the server sends browsers for a form version: the engine's
 * standalone module, minified by esbuild when it is installed (it is wherever `npm start` has
 * built the server), else as the engine wrote it. Minified as a module, Ajv's long generated
 * names, the header comment and the factory's name go: a quarter less after gzip, on every page
 * with a form. The module's default export stays the factory.
 */
export async function validatorModuleOf(form: CompiledForm): Promise<string> {
  const source = standaloneValidatorModule(form);
  let esbuild: typeof import('esbuild');
  try {
    esbuild = await import('esbuild');
  } catch {
    return source;
  }
  const minified = await esbuild.transform(source, { minify: true, format: 'esm', charset: 'utf8' });
  return minified.code;
}
