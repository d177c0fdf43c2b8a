/**
 * Bundles the server into one ES module (`server/dist/main.mjs`) for `npm start`. Run through a
 * TypeScript loader, the server spent most of its start resolving and transpiling its few
 * hundred modules; bundled, Node reads one file. Packages stay in `node_modules` (PGlite finds
 * its WebAssembly next to its own files).
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

const HERE = dirname(fileURLToPath(import.meta.url));

export interface ServerBuildResult {
  readonly outfile: string;
}

export async function buildServer(options: { readonly outfile?: string } = {}): Promise<ServerBuildResult> {
  const outfile = options.outfile ?? join(HERE, 'dist', 'main.mjs');
  await build({
    entryPoints: [join(HERE, 'main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [sourceLocations],
  });
  return { outfile };
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
