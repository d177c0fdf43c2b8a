/**
 * Bundles the server into one ES module (`server/dist/main.mjs`) for `npm start`. Run through a
 * TypeScript loader, the server spent most of its start resolving and transpiling its few
 * hundred modules; bundled, Node reads one file. The packages it loads at start are bundled too:
 * Node's module loader spent a few hundred milliseconds on their several hundred files.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
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
 * The bundled CommonJS packages (Ajv, Handlebars, pg, nodemailer) call `require` for Node's own
 * modules; an ES module has none, so the bundle makes one, resolving from its own folder.
 */
const REQUIRE_BANNER =
  "import { createRequire as createBundleRequire } from 'node:module'; const require = createBundleRequire(import.meta.url);";

/**
 * Stands in for the bundle's fingerprint (`globalThis.MAMIS_SERVER_BUILD`) until the bundle is
 * written, then gives way to it: as long as a sha256 in hex, so the source map still fits.
 */
const BUILD_PLACEHOLDER = `MAMIS_SERVER_BUILD_${'_'.repeat(45)}`;

export interface ServerBuildResult {
  readonly outfile: string;
}

export async function buildServer(options: { readonly outfile?: string } = {}): Promise<ServerBuildResult> {
  const outfile = options.outfile ?? join(HERE, 'dist', 'main.mjs');
  // The definition check's precompiled meta-schemas, regenerated when a meta-schema changed.
  await writeGeneratedFile(join(ROOT, META_VALIDATORS_FILE), metaValidatorsSource());
  await build({
    entryPoints: [join(HERE, 'main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: UNBUNDLED_PACKAGES,
    banner: { js: REQUIRE_BANNER },
    sourcemap: 'linked',
    logLevel: 'warning',
    define: { 'globalThis.MAMIS_SERVER_BUILD': JSON.stringify(BUILD_PLACEHOLDER) },
    plugins: [sourceLocations],
  });
  await fingerprintBundle(outfile);
  return { outfile };
}

/**
 * Writes the bundle's own fingerprint into it. A start skips the forms check on files the last
 * start checked only under the very same code: this names that code.
 */
async function fingerprintBundle(outfile: string): Promise<void> {
  const bundle = await readFile(outfile, 'utf8');
  const placeholder = JSON.stringify(BUILD_PLACEHOLDER);
  if (!bundle.includes(placeholder)) throw new Error(`${outfile} does not read globalThis.MAMIS_SERVER_BUILD.`);
  const fingerprint = createHash('sha256').update(bundle).digest('hex');
  await writeFile(outfile, bundle.replaceAll(placeholder, JSON.stringify(fingerprint)));
}

/**
 * A module that finds its files next to itself (`new URL('../assets/', import.meta.url)`) must
 * still find them once bundled: `import.meta.url` and `import.meta.dirname` become the source
 * file's own location.
 */
const sourceLocations: Plugin = {
  name: 'source-locations',
  setup(builder) {
    builder.onLoad({ filter: /[\\/](server|engine)[\\/].*\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
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
