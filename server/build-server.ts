/**
 * Bundles the server for `npm start`: `server/dist/main.mjs`, a small entry, and `server.cjs`
 * beside it, the server itself (`main.ts`) with the packages it loads at start. Run through a
 * TypeScript loader, the server spent most of its start resolving and transpiling its few
 * hundred modules, and Node's module loader a few hundred milliseconds more on the packages'
 * several hundred files; bundled, Node reads two.
 *
 * The server is one CommonJS script so that the entry can run it from V8's code cache (see
 * bundle-entry.ts), which Node 20 keeps for no ES module. The entry begins the embedded
 * database's preload before it loads the server.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type BuildOptions, build, type Plugin } from 'esbuild';
import { writeGeneratedFile } from './forms/generated-file.js';
import { META_VALIDATORS_FILE, metaValidatorsSource } from './forms/meta-validators-source.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(HERE);

/**
 * Packages left in `node_modules`: PGlite finds its WebAssembly and data files next to its own
 * files; esbuild (validator modules) and mailparser (the development mail page) are loaded only
 * when a request needs them; pg-native is pg's optional native driver, which is not installed.
 */
const UNBUNDLED_PACKAGES = ['@electric-sql/pglite', 'esbuild', 'mailparser', 'pg-native'];

/**
 * Stands in for the bundle's fingerprint (`globalThis.MAMIS_SERVER_BUILD`) until the bundle is
 * written, then gives way to it: as long as a sha256 in hex, so the source map still fits.
 */
const BUILD_PLACEHOLDER = `MAMIS_SERVER_BUILD_${'_'.repeat(45)}`;

/** The server script, beside the entry; bundle-entry.ts runs it. */
const SERVER_SCRIPT = 'server.cjs';

export interface ServerBuildResult {
  /** The entry: `node <outfile>` starts the server. */
  readonly outfile: string;
}

export async function buildServer(options: { readonly outfile?: string } = {}): Promise<ServerBuildResult> {
  const outfile = resolve(options.outfile ?? join(HERE, 'dist', 'main.mjs'));
  const script = join(dirname(outfile), SERVER_SCRIPT);
  // The definition check's precompiled meta-schemas, regenerated when a meta-schema changed.
  await writeGeneratedFile(join(ROOT, META_VALIDATORS_FILE), metaValidatorsSource());
  const common: BuildOptions = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    external: UNBUNDLED_PACKAGES,
    sourcemap: 'linked',
    logLevel: 'warning',
    define: { 'globalThis.MAMIS_SERVER_BUILD': JSON.stringify(BUILD_PLACEHOLDER) },
    plugins: [sourceLocations],
  };
  await Promise.all([
    build({
      ...common,
      entryPoints: [join(HERE, 'main.ts')],
      outfile: script,
      format: 'cjs',
      // A script run by `vm.Script` has no `import()` of its own: the packages left out are
      // required (each has a CommonJS build), and the server's own lazy modules are inlined.
      supported: { 'dynamic-import': false },
    }),
    build({ ...common, entryPoints: [join(HERE, 'bundle-entry.ts')], outfile, format: 'esm' }),
  ]);
  const fingerprint = await fingerprintBundle([outfile, script]);
  await removeStaleCodeCaches(dirname(outfile), fingerprint);
  return { outfile };
}

/**
 * Writes the bundle's own fingerprint into it: a hash of its files. A start skips the forms
 * check on files the last start checked only under the very same code: this names that code.
 */
async function fingerprintBundle(files: readonly string[]): Promise<string> {
  const placeholder = JSON.stringify(BUILD_PLACEHOLDER);
  const contents = await Promise.all(files.map((file) => readFile(file, 'utf8')));
  const hash = createHash('sha256');
  for (const [index, content] of contents.entries()) {
    if (!content.includes(placeholder)) throw new Error(`${files[index]} does not read globalThis.MAMIS_SERVER_BUILD.`);
    hash.update(content);
  }
  const fingerprint = hash.digest('hex');
  await Promise.all(
    files.map((file, index) => writeFile(file, contents[index]!.replaceAll(placeholder, JSON.stringify(fingerprint)))),
  );
  return fingerprint;
}

/** Removes the code caches of earlier builds (`server.cjs.<fingerprint>.cache`, see bundle-entry.ts). */
async function removeStaleCodeCaches(folder: string, fingerprint: string): Promise<void> {
  const current = `${SERVER_SCRIPT}.${fingerprint.slice(0, 16)}.cache`;
  for (const name of await readdir(folder)) {
    if (name.startsWith(`${SERVER_SCRIPT}.`) && name.endsWith('.cache') && name !== current) {
      await rm(join(folder, name), { force: true });
    }
  }
}

/**
 * A module that finds its files next to itself (`new URL('../assets/', import.meta.url)`) must
 * still find them once bundled: `import.meta.url` and `import.meta.dirname` become the source
 * file's own location. Not in the bundle's entry, which finds the server script beside itself.
 */
const sourceLocations: Plugin = {
  name: 'source-locations',
  setup(builder) {
    builder.onLoad({ filter: /[\\/](server|engine)[\\/].*\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (args.path === join(HERE, 'bundle-entry.ts')) return { contents: source, loader: 'ts' };
      return {
        contents: source
          .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
          .replaceAll('import.meta.dirname', JSON.stringify(dirname(args.path))),
        loader: 'ts',
      };
    });
  },
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { outfile } = await buildServer();
  console.log(`${relative(process.cwd(), outfile)} written`);
}
