import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../server/build-server.js';
import { copyProjectForms } from './support/project-copy.js';

/**
 * Runs the bundle on `dataDir` until it listens and `runMs` more, then stops it with SIGTERM and
 * expects a clean exit; the lines it printed. With no wait, the signal arrives while the start
 * is still finishing: the server then closes once the start is done.
 */
async function startBundle(entry: string, root: string, dataDir: string, runMs = 0): Promise<string[]> {
  const child = spawn(process.execPath, [entry], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', MAIL_WORKER: 'off' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line);
      if (line.includes('MAMIS forms server on')) resolve();
    });
    void exited.then((code) => reject(new Error(`The bundle exited (${code}):\n${stderr}`)));
  });
  await new Promise((resolve) => setTimeout(resolve, runMs));
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  return lines;
}

// `npm start` runs the bundle: a small entry that begins the embedded database's preload, then
// the server script, from V8's code cache once a start has written one.
describe('the server bundle', () => {
  let root: string;
  let outdir: string;
  let entry: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'mamis-build-'));
    await mkdir(path.join(root, 'web-components', 'dist'), { recursive: true });
    await copyProjectForms(root);
    // Inside the project, as server/dist is: the bundle finds the packages it leaves out in node_modules.
    await mkdir(path.join(process.cwd(), 'test-output'), { recursive: true });
    outdir = await mkdtemp(path.join(process.cwd(), 'test-output', 'bundle-'));
    ({ outfile: entry } = await buildServer({ outfile: path.join(outdir, 'main.mjs') }));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
    await rm(outdir, { recursive: true, force: true });
  });

  it('has an entry that holds the preload and the script loader, not the server', async () => {
    const source = await readFile(entry, 'utf8');
    expect(source.length).toBeLessThan(16 * 1024);
    expect(source).not.toContain('// node_modules/');
  });

  it('writes its fingerprint into both files', async () => {
    const files = [await readFile(entry, 'utf8'), await readFile(path.join(outdir, 'server.cjs'), 'utf8')];
    expect(files.filter((source) => source.includes('MAMIS_SERVER_BUILD_'))).toEqual([]);
  });

  it('starts on an embedded data folder, writes its code cache, and starts again with it', async () => {
    const dataDir = path.join(root, 'data');
    const cacheWritten = async () =>
      (await readdir(outdir)).some((name) => /^server\.cjs\.[0-9a-f]{16}\.cache$/.test(name));
    // The cache is written a few seconds into a start: what it compiled by then, first requests
    // included.
    const first = await startBundle(entry, root, dataDir, 4_000);
    expect(first.join('\n')).toContain('Empty database: adding the demo data');
    expect(await cacheWritten()).toBe(true);
    const second = await startBundle(entry, root, dataDir);
    expect(second.join('\n')).toContain('MAMIS forms server on');
    expect(second.join('\n')).not.toContain('Empty database');
  }, 120_000);
});
