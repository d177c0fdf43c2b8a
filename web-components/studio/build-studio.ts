/**
 * Builds the staff bundle: `dist/mamis-studio.js`, one minified ES module with
 * `<mamis-form-studio>`, CodeMirror and the `<mamis-form>` it previews with. Separate from the
 * members' bundle, which stays small. Run with `tsx web-components/studio/build-studio.ts`.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type BrowserBundle, buildBrowserBundle, sizeReport } from '../build/browser-bundle.js';

const HERE = dirname(fileURLToPath(import.meta.url));
export const STUDIO_BUNDLE_NAME = 'mamis-studio.js';

export interface BuildStudioOptions {
  /** Where to write; `web-components/dist` by default. */
  readonly outdir?: string;
}

export async function buildStudio(options: BuildStudioOptions = {}): Promise<BrowserBundle> {
  const outdir = options.outdir ?? join(HERE, '..', 'dist');
  return buildBrowserBundle(join(HERE, 'index.ts'), join(outdir, STUDIO_BUNDLE_NAME));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(sizeReport(await buildStudio()));
}
