import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../server/db/database.js';
import { openDatabase } from '../../server/db/open-database.js';
import { type BenchOptions, formatMs, formatRate, type Row } from './measure.js';
import { benchCities, futureDate } from './support/bench-data.js';
import { prepareEmbeddedDatabase } from './support/bench-databases.js';
import { MemberPool, submissionLoad } from './support/load.js';
import { type SampleRows, sameRowsQuery, sampleRows } from './support/same-rows.js';
import { spawnServer } from './support/server-process.js';

/** How many members the embedded database gets (it takes far fewer submissions per second). */
export function embeddedMembers(options: BenchOptions): number {
  return options.quick ? 1_000 : 5_000;
}

export interface EmbeddedFigures {
  readonly rows: Row[];
  /** The warm data folder (`DATA_DIR`), for the start benchmark; the caller removes it. */
  readonly dataDir: string;
}

/**
 * Target 3 on the embedded database, reported beside the server's: the same load against a
 * server on a PGlite data folder, and PGlite's own rate for the same rows, inserted one
 * statement after another in this process (PGlite has one connection, as the server has).
 */
export async function embeddedBench(options: BenchOptions): Promise<EmbeddedFigures> {
  const seconds = options.quick ? 3 : 10;
  const members = embeddedMembers(options);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'mamis-bench-embedded-'));
  await prepareEmbeddedDatabase(path.join(dataDir, 'db'), members);
  // Read before the server takes the folder: one process at a time opens a PGlite folder.
  const cities = await withEmbedded(dataDir, (db) => benchCities(db));
  const server = await spawnServer({ env: { DATA_DIR: dataDir } });
  let submissions: Awaited<ReturnType<typeof submissionLoad>>;
  try {
    const pool = new MemberPool(1, members, cities);
    const run = (runSeconds: number) =>
      submissionLoad({
        url: server.url,
        members: pool,
        withdrawalDate: futureDate(),
        connections: 50,
        seconds: runSeconds,
      });
    await run(options.quick ? 1 : 3);
    submissions = await run(seconds);
  } finally {
    await server.stop();
  }
  const own = await withEmbedded(dataDir, (db) => pgliteOwnRate(db, members, seconds));
  const ratio = submissions.okPerSecond / own;
  const rows: Row[] = [
    {
      target: 'submissions, embedded PGlite, 50 connections',
      figure: `${formatRate(submissions.okPerSecond)} accepted, p99 ${formatMs(submissions.p99Ms)}${submissions.failed > 0 ? `, ${submissions.failed} failed` : ''}`,
      peer: `PGlite alone, same rows: ${formatRate(own)}`,
      ratio: `${ratio.toFixed(2)}×`,
      goal: 'reported',
      met: undefined,
    },
  ];
  return { rows, dataDir };
}

async function withEmbedded<T>(dataDir: string, use: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  const { db, close } = await openDatabase({ dataDir: path.join(dataDir, 'db') });
  try {
    return await use(db);
  } finally {
    await close();
  }
}

/** PGlite's own commit rate: the sample's rows inserted one statement after another. */
async function pgliteOwnRate(db: Kysely<Database>, members: number, seconds: number): Promise<number> {
  const rows: SampleRows = await sampleRows(db);
  let inserted = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  while (performance.now() < until) {
    await sameRowsQuery(rows, `bench-m-${1 + (inserted % members)}`).execute(db);
    inserted++;
  }
  return inserted / ((performance.now() - started) / 1000);
}
