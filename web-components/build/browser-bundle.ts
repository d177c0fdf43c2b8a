import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';

/** One bundle written to disk, with the sizes a browser pays for it. */
export interface BrowserBundle {
  readonly bundle: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

/**
 * Bundles `entry` into one minified ES module at `outfile`, as every bundle we ship is built:
 * for browsers from ES2022 on, with a linked source map, and the licences of what it bundles in
 * `<outfile>.LEGAL.txt` beside it (named in one comment), which browsers need not download.
 */
export async function buildBrowserBundle(
  entry: string,
  outfile: string,
  plugins: readonly Plugin[] = [],
): Promise<BrowserBundle> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    sourcemap: 'linked',
    legalComments: 'linked',
    // Module scripts are always read as UTF-8; escaping the Japanese texts would double them.
    charset: 'utf8',
    logLevel: 'warning',
    plugins: [...plugins],
  });
  const code = await readFile(outfile);
  return { bundle: outfile, bytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength };
}

/** `web-components/dist/x.js: 90.0 KiB minified, 29.2 KiB gzip`, as the build prints it. */
export function sizeReport(result: BrowserBundle): string {
  return `${relative(process.cwd(), result.bundle)}: ${kib(result.bytes)} minified, ${kib(result.gzipBytes)} gzip`;
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}
