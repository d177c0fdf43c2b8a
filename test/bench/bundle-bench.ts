import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { validatorModuleOf } from '../../server/form-catalog/validator-module.js';
import { buildComponents } from '../../web-components/build.js';
import { compileProjectForm, FORM_IDS } from '../support/project-forms.js';
import type { Row } from './measure.js';

const HERE = import.meta.dirname;

/**
 * Target 1: everything a browser loads for our forms (the component bundle with Lit, every
 * widget, the engine runtime and ja + en messages, plus the three forms' precompiled
 * validators, each as the server sends it) against JSON Forms and react-jsonschema-form built
 * the same way in this run.
 */
export async function bundleBench(): Promise<Row[]> {
  const out = await mkdtemp(path.join(tmpdir(), 'mamis-bundles-'));
  try {
    return await measureBundles(out);
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

async function measureBundles(out: string): Promise<Row[]> {
  const components = await buildComponents({ outdir: out, manifest: false });
  let validators = 0;
  // As the server sends them: gzip at zlib's default level (the route compresses each answer).
  let validatorsSent = 0;
  for (const id of FORM_IDS) {
    const module = await validatorModuleOf(compileProjectForm(id));
    validators += gzipSize(module);
    validatorsSent += gzipSync(module).byteLength;
  }
  const ours = components.gzipBytes + validators;
  const jsonForms = await peerBundle('jsonforms-entry.ts', out);
  const rjsf = await peerBundle('rjsf-entry.ts', out);
  const lit = await peerBundle('lit-entry.ts', out);
  const row = (peer: string, size: number): Row => ({
    target: 'browser bundle, gzip',
    // In bytes too: a tenth of a KiB either side of the goal would read as the goal itself.
    figure: `${kib(ours)} (${ours.toLocaleString('en')} B)`,
    peer: `${peer} ${kib(size)}`,
    ratio: `${(size / ours).toFixed(1)}× smaller`,
    goal: '≤ 30 KiB',
    met: ours <= 30 * 1024,
  });
  return [
    {
      target: 'component bundle alone / + 3 validators',
      figure: `${kib(components.gzipBytes)} + ${kib(validators)}`,
      peer: `Lit alone ${kib(lit)}`,
      ratio: '—',
      goal: '—',
      met: undefined,
    },
    {
      target: 'as the server sends them: bundle brotli + validators gzip',
      figure: `${kib(components.brotliBytes)} + ${kib(validatorsSent)}`,
      peer: '—',
      ratio: '—',
      goal: '—',
      met: undefined,
    },
    row('JSON Forms + React vanilla', jsonForms),
    row('react-jsonschema-form', rjsf),
  ];
}

async function peerBundle(entry: string, out: string): Promise<number> {
  const outfile = path.join(out, entry.replace(/\.ts$/, '.js'));
  await build({
    entryPoints: [path.join(HERE, 'peers', entry)],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    charset: 'utf8',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  return gzipSize(await readFile(outfile));
}

function gzipSize(code: string | Uint8Array): number {
  return gzipSync(code, { level: 9 }).byteLength;
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}
