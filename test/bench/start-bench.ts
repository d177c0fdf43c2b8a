import { execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { type BenchOptions, formatMs, median, type Row } from './measure.js';
import { addOfficeSession } from './support/bench-data.js';
import { createServerDatabase } from './support/bench-databases.js';
import { firstOk, spawnServer } from './support/server-process.js';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Target 5: from spawning the server process (as `npm start` does, after its build) to the
 * first 200 from `GET /api/forms`, on the PostgreSQL server and on a warm embedded data folder;
 * beside it PGlite's own open time on the same folder (a fresh Node process that opens it and
 * answers one query), and the check and compilation of every form in a fresh process.
 *
 * PGlite alone opens the folder with the settings the server opens it with (see
 * embedded-database-settings.mjs), which the ratio is taken against: opened with PostgreSQL's
 * defaults it takes longer, which would flatter the server. That time is printed too.
 */
export async function startBench(options: BenchOptions, embeddedDataDir: string): Promise<Row[]> {
  const runs = options.quick ? 1 : 5;
  const database = await createServerDatabase(1);
  const serverMs: number[] = [];
  const embeddedMs: number[] = [];
  const pgliteMs: number[] = [];
  const pgliteDefaultsMs: number[] = [];
  let formsMs = Number.NaN;
  try {
    const cookie = await addOfficeSession(database.db, 'jma-office');
    // One start first, unmeasured: it publishes the forms and fills the transpiler's cache.
    await timeStart({ DATABASE_URL: database.url, DATA_DIR: embeddedDataDir }, cookie);
    for (let index = 0; index < runs; index++) {
      serverMs.push(await timeStart({ DATABASE_URL: database.url, DATA_DIR: embeddedDataDir }, cookie));
      pgliteMs.push(await timePgliteOpen(path.join(embeddedDataDir, 'db'), 'server'));
      pgliteDefaultsMs.push(await timePgliteOpen(path.join(embeddedDataDir, 'db'), 'defaults'));
      embeddedMs.push(await timeStart({ DATA_DIR: embeddedDataDir }, 'mamis_session=bench-token-1'));
    }
    formsMs = await timeLoadForms();
  } finally {
    await database.drop();
  }
  const server = median(serverMs);
  const embedded = median(embeddedMs);
  const pglite = median(pgliteMs);
  return [
    {
      target: `server ready, PostgreSQL server (median of ${runs})`,
      figure: formatMs(server),
      peer: '—',
      ratio: '—',
      goal: '< 1 s',
      met: server < 1000,
    },
    {
      target: `server ready, embedded PGlite, warm folder (median of ${runs})`,
      figure: formatMs(embedded),
      peer: `PGlite alone opens it: ${formatMs(pglite)} (with PostgreSQL's default settings: ${formatMs(median(pgliteDefaultsMs))})`,
      ratio: `${(embedded / pglite).toFixed(2)}×`,
      goal: '≤ 1.3×',
      met: embedded / pglite <= 1.3,
    },
    {
      target: 'every form checked and compiled (fresh process)',
      figure: formatMs(formsMs),
      peer: '—',
      ratio: '—',
      goal: '< 200 ms',
      met: formsMs < 200,
    },
  ];
}

/** Spawn → first 200 from `/api/forms`, then stop the server. */
async function timeStart(env: Record<string, string>, cookie: string): Promise<number> {
  const started = performance.now();
  const server = await spawnServer({ env });
  try {
    await firstOk(`${server.url}/api/forms`, { cookie });
    return performance.now() - started;
  } finally {
    await server.stop();
  }
}

/**
 * Spawn → PGlite open on the folder and one query answered, in a plain Node process: with the
 * server's settings, or with PGlite's and PostgreSQL's defaults.
 */
async function timePgliteOpen(folder: string, settings: 'server' | 'defaults'): Promise<number> {
  const options =
    settings === 'server' ? ', { startParams: embeddedDatabaseStartParams(PGlite.defaultStartParams) }' : '';
  const script = `import { PGlite } from '@electric-sql/pglite';
import { embeddedDatabaseStartParams } from './server/db/embedded-database-settings.mjs';
const db = await PGlite.create(${JSON.stringify(folder)}${options});
await db.query('select count(*) from applications');
console.log('ready');
await db.close();`;
  const started = performance.now();
  const child = spawn(process.execPath, ['--input-type=module', '--eval', script], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  await new Promise<void>((resolve, reject) => {
    lines.once('line', () => resolve());
    child.once('exit', (code) => reject(new Error(`PGlite alone exited (${code})`)));
  });
  const elapsed = performance.now() - started;
  await new Promise((resolve) => child.once('exit', resolve));
  return elapsed;
}

async function timeLoadForms(): Promise<number> {
  const script = path.join(import.meta.dirname, 'support', 'time-load-forms.ts');
  const { stdout } = await run(process.execPath, ['--import', 'tsx', script], { cwd: ROOT });
  return (JSON.parse(stdout.trim()) as { ms: number }).ms;
}
