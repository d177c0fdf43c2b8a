/**
 * Builds the staff bundle: `dist/mamis-studio.js`, one minified ES module with
 * `<mamis-form-studio>`, CodeMirror and the `<mamis-form>` it previews with. Separate from the
 * members' bundle, which stays small. Run with `tsx web-components/studio/build-studio.ts`.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const HERE = dirname(fileURLToPath(import.meta.url));
export const STUDIO_BUNDLE_NAME = 'mamis-studio.js';

export interface BuildStudioOptions {
  /** Where to write; `web-components/dist` by default. */
  readonly outdir?: string;
}

export interface BuildStudioResult {
  readonly bundle: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

export async function buildStudio(options: BuildStudioOptions = {}): Promise<BuildStudioResult> {
  const outdir = options.outdir ?? join(HERE, '..', 'dist');
  const bundle = join(outdir, STUDIO_BUNDLE_NAME);
  await build({
    entryPoints: [join(HERE, 'index.ts')],
    outfile: bundle,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    sourcemap: 'linked',
    legalComments: 'eof',
    charset: 'utf8',
    logLevel: 'warning',
  });
  const code = await readFile(bundle);
  return { bundle, bytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength };
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await buildStudio();
  console.log(
    `${relative(process.cwd(), result.bundle)}: ${kib(result.bytes)} minified, ${kib(result.gzipBytes)} gzip`,
  );
}
