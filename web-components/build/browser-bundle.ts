import { readFile, writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';

/** One bundle written to disk, with the sizes a browser pays for it. */
export interface BrowserBundle {
  readonly bundle: string;
  readonly bytes: number;
  readonly gzipBytes: number;
  readonly brotliBytes: number;
}

/**
 * Bundles `entry` into one minified ES module at `outfile`, as every bundle we ship is built:
 * for browsers from ES2022 on, with a linked source map, and the licences of what it bundles in
 * `<outfile>.LEGAL.txt` beside it (named in one comment), which browsers need not download.
 * Also writes it compressed once and for all, `<outfile>.br` and `<outfile>.gz`, which the
 * server sends to browsers that accept them (compressing at each request would cost every
 * page load the CPU of the strongest settings, or the bytes of weaker ones).
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
  const gzip = gzipSync(code, { level: 9 });
  const brotli = brotliCompressSync(code, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: code.byteLength,
    },
  });
  await Promise.all([writeFile(`${outfile}.gz`, gzip), writeFile(`${outfile}.br`, brotli)]);
  return { bundle: outfile, bytes: code.byteLength, gzipBytes: gzip.byteLength, brotliBytes: brotli.byteLength };
}

/** `web-components/dist/x.js: 90.0 KiB minified, 27.2 KiB gzip, 24.1 KiB brotli`, as the build prints it. */
export function sizeReport(result: BrowserBundle): string {
  const { bytes, gzipBytes, brotliBytes } = result;
  return `${relative(process.cwd(), result.bundle)}: ${kib(bytes)} minified, ${kib(gzipBytes)} gzip, ${kib(brotliBytes)} brotli`;
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}
