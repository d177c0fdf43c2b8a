import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuildResult, buildComponents } from '../../web-components/build.js';

interface ManifestDeclaration {
  readonly tagName?: string;
  readonly customElement?: boolean;
  readonly attributes?: readonly { name: string }[];
  readonly events?: readonly { name: string }[];
  readonly cssParts?: readonly { name: string }[];
  readonly cssProperties?: readonly { name: string }[];
}

describe('the components build', () => {
  let outdir: string;
  let result: BuildResult;
  let code: string;

  beforeAll(async () => {
    outdir = await mkdtemp(join(tmpdir(), 'mamis-build-'));
    result = await buildComponents({ outdir });
    code = await readFile(result.bundle, 'utf8');
  });

  afterAll(async () => {
    await rm(outdir, { recursive: true, force: true });
  });

  it('is one ES module that registers every element', () => {
    expect(result.bundle.endsWith('mamis-components.js')).toBe(true);
    expect(/\bimport\s*["'{*]/.test(code)).toBe(false); // no static imports left: one file
    for (const tag of ['mamis-form', 'mamis-application-status', 'mamis-membership-history', 'mamis-calendar']) {
      expect(code.includes(`customElements.define("${tag}"`), tag).toBe(true);
    }
  });

  it('stays small: under 30 KiB gzip with Lit', () => {
    expect(result.gzipBytes).toBeLessThan(30 * 1024);
  });

  it('writes the bundle compressed beside it, as the server sends it', async () => {
    const bundle = await readFile(result.bundle);
    const brotli = await readFile(`${result.bundle}.br`);
    const gzip = await readFile(`${result.bundle}.gz`);
    expect(brotliDecompressSync(brotli).equals(bundle)).toBe(true);
    expect(gunzipSync(gzip).equals(bundle)).toBe(true);
    expect([brotli.byteLength, gzip.byteLength]).toEqual([result.brotliBytes, result.gzipBytes]);
    expect(result.brotliBytes).toBeLessThan(result.gzipBytes);
  });

  it('carries no validator compiler and nothing a strict CSP forbids', () => {
    // The only mentions of Ajv are the module ids precompiled validators ask the runtime for.
    expect([...new Set(code.match(/ajv[\w/.-]*/gi))].sort()).toEqual([
      'ajv/dist/runtime/equal',
      'ajv/dist/runtime/ucs2length',
    ]);
    expect(/new Function\s*\(/.test(code)).toBe(false);
    expect(/\beval\s*\(/.test(code)).toBe(false);
    expect(/setAttribute\(\s*["']style["']/.test(code)).toBe(false);
  });

  it('loads validators at run time instead of bundling them', () => {
    expect(/\bimport\(/.test(code)).toBe(true);
    expect(code.includes('function createValidator')).toBe(false);
  });

  it('does not register an element when only its class is imported', async () => {
    const classOnly = await build({
      entryPoints: [join(process.cwd(), 'web-components/form/mamis-form.ts')],
      bundle: true,
      write: false,
      format: 'esm',
    });
    expect(classOnly.outputFiles[0]!.text).not.toContain('customElements.define');
  });

  it('describes the elements in a custom-elements manifest: attributes, events, parts, custom properties', async () => {
    const manifest = JSON.parse(await readFile(result.manifest!, 'utf8')) as {
      modules: { declarations: ManifestDeclaration[] }[];
    };
    const elements = new Map(
      manifest.modules
        .flatMap((module) => module.declarations)
        .filter((declaration) => declaration.customElement)
        .map((declaration) => [declaration.tagName, declaration]),
    );
    const form = elements.get('mamis-form')!;
    expect(form.attributes?.map((attribute) => attribute.name)).toEqual(
      expect.arrayContaining(['form', 'base-url', 'validator-url', 'today', 'application-id', 'lang']),
    );
    expect(form.events?.map((event) => event.name).sort()).toEqual([
      'mamis-cancel',
      'mamis-step-change',
      'mamis-submitted',
    ]);
    expect(form.cssParts?.map((part) => part.name)).toEqual(
      expect.arrayContaining(['field', 'error-summary', 'dialog']),
    );
    expect(form.cssProperties?.map((property) => property.name)).toContain('--mamis-accent');
    expect(elements.get('mamis-application-status')?.events?.map((event) => event.name)).toEqual([
      'mamis-edit',
      'mamis-deleted',
    ]);
    expect(elements.has('mamis-membership-history')).toBe(true);
  });
});
