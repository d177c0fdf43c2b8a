/**
 * Builds the components: one minified ES module (`dist/mamis-components.js`) that registers
 * every element, its custom-elements manifest, and a report of its gzip size.
 * Run with `npm run build`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Plugin } from 'esbuild';
import type * as TypeScript from 'typescript';
import { type BrowserBundle, buildBrowserBundle, sizeReport } from './build/browser-bundle.js';
import { minifyTemplates } from './build/minify-templates.js';
import { buildStudio } from './studio/build-studio.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const BUNDLE_NAME = 'mamis-components.js';

export interface BuildOptions {
  /** Where to write; `web-components/dist` by default. */
  readonly outdir?: string;
  /** Also write `custom-elements.json` (slower; tests that only need the bundle skip it). */
  readonly manifest?: boolean;
}

export interface BuildResult extends BrowserBundle {
  readonly manifest: string | undefined;
}

export async function buildComponents(options: BuildOptions = {}): Promise<BuildResult> {
  const outdir = options.outdir ?? join(HERE, 'dist');
  const bundle = await buildBrowserBundle(join(HERE, 'index.ts'), join(outdir, BUNDLE_NAME), [templateMinifier]);
  const manifest = options.manifest === false ? undefined : await writeManifest(outdir);
  return { ...bundle, manifest };
}

/** Our own modules go through `minifyTemplates`; Lit's are already minified. */
const templateMinifier: Plugin = {
  name: 'minify-lit-templates',
  setup(builder) {
    builder.onLoad({ filter: /web-components[\\/].*\.ts$/ }, async (args) => ({
      contents: minifyTemplates(args.path, await readFile(args.path, 'utf8')),
      loader: 'ts',
    }));
  },
};

/** The element classes the manifest describes (with the define files, which give the tag names). */
const MANIFEST_SOURCES = [
  'form/mamis-form.ts',
  'form/define.ts',
  'application-status/mamis-application-status.ts',
  'application-status/define.ts',
  'membership-history/mamis-membership-history.ts',
  'membership-history/define.ts',
  'calendar/mamis-calendar.ts',
  'calendar/define.ts',
];

async function writeManifest(outdir: string): Promise<string> {
  // The analyzer's typings do not declare its programmatic API, and its Lit plugin (which reads
  // `static properties`) has no export entry: both are imported by path and described here.
  const analyzer = '@custom-elements-manifest/analyzer';
  const { create, ts } = (await import(analyzer)) as {
    create: (options: { modules: TypeScript.SourceFile[]; plugins: unknown[] }) => unknown;
    ts: typeof TypeScript;
  };
  const litModule = `${analyzer}/src/features/framework-plugins/lit/lit.js`;
  const { litPlugin } = (await import(litModule)) as { litPlugin: () => unknown[] };
  const modules = await Promise.all(
    MANIFEST_SOURCES.map(async (path) => {
      const text = await readFile(join(HERE, path), 'utf8');
      return ts.createSourceFile(`web-components/${path}`, text, ts.ScriptTarget.ES2022, true);
    }),
  );
  const manifest = create({ modules, plugins: litPlugin() });
  const file = join(outdir, 'custom-elements.json');
  await writeFile(file, `${JSON.stringify(manifest, null, 2)}\n`);
  return file;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await buildComponents();
  console.log(sizeReport(result));
  if (result.manifest) console.log(`${relative(process.cwd(), result.manifest)} written`);
  // The staff's form studio is a bundle of its own, so members never download the editor.
  await buildStudio();
}
