import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { type BenchOptions, formatMs, formatRate, type Row } from './measure.js';
import { addOfficeSession, benchCities, futureDate } from './support/bench-data.js';
import { createServerDatabase } from './support/bench-databases.js';
import { addStoredApplications } from './support/bulk-applications.js';
import { combinedLoad, getLoad, type LoadResult, MemberPool, submissionLoad } from './support/load.js';
import { outboxDrained } from './support/outbox-drained.js';
import { combinedPgbench, type PgbenchResult, pgbenchSameRows } from './support/pgbench.js';
import { queryPlans } from './support/query-plans.js';
import { type SampleRows, sampleRows } from './support/same-rows.js';
import { spawnServer } from './support/server-process.js';

export interface ServerDatabaseFigures {
  /** Target 3 on the PostgreSQL server: the API against pgbench on the same rows. */
  readonly submissions: Row[];
  /** Target 4: the same at 0, 100 k and 1 M stored applications. */
  readonly growth: Row[];
  /** EXPLAIN ANALYZE of the office list and the submission's queries at the largest size. */
  readonly plans: string[];
}

interface Phase {
  readonly stored: number;
  readonly submissions: LoadResult;
  /** pgbench inserting the same rows, in turns with the submissions. */
  readonly peer: PgbenchResult;
  /** The mail those submissions queued, and how long the worker then took to send what was left. */
  readonly drain: { readonly mails: number; readonly ms: number };
  readonly office: LoadResult;
}

const CONNECTIONS = 50;
const OFFICE_CONNECTIONS = 10;

/**
 * Targets 3 and 4 against the PostgreSQL server: a bench database with bench members, the
 * server in its own process (as `npm start` runs it), autocannon from this process. At 0, 100 k
 * and 1 M stored applications, submissions and pgbench inserting the same rows take turns; then
 * the office list.
 */
export async function serverDatabaseBench(options: BenchOptions): Promise<ServerDatabaseFigures> {
  const seconds = options.quick ? 2 : 10;
  // At each size, ours and pgbench take turns: three of 5 s each (one of 2 s when quick).
  const turns = options.quick ? 1 : 3;
  const turnSeconds = options.quick ? 2 : 5;
  const warmSeconds = options.quick ? 1 : 3;
  const sizes = options.quick ? [0, 10_000] : [0, 100_000, 1_000_000];
  const members = options.quick ? 5_000 : 150_000;
  const database = await createServerDatabase(members);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'mamis-bench-server-'));
  const cities = await benchCities(database.db);
  const officeCookie = await addOfficeSession(database.db, 'jma-office');
  const pool = new MemberPool(1, members, cities);
  const withdrawalDate = futureDate();
  const server = await spawnServer({ env: { DATABASE_URL: database.url, DATA_DIR: dataDir } });
  const phases: Phase[] = [];
  let sample: SampleRows | undefined;
  let plans: string[] = [];
  try {
    let stored = 0;
    for (const size of sizes) {
      if (size > stored) {
        await addStoredApplications(database.db, { from: stored + 1, to: size, members, rows: sample! });
        stored = size;
      }
      const submissionRun = (runSeconds: number) =>
        submissionLoad({
          url: server.url,
          members: pool,
          withdrawalDate,
          connections: CONNECTIONS,
          seconds: runSeconds,
        });
      const officeRun = (runSeconds: number) =>
        getLoad({
          url: server.url,
          path: '/api/office/applications?limit=20',
          headers: { cookie: officeCookie },
          connections: OFFICE_CONNECTIONS,
          seconds: runSeconds,
        });
      await submissionRun(warmSeconds);
      // As autovacuum would after its next round: at 0 stored the warm-up has just grown the
      // tables from nothing, faster than its one-minute rounds follow. Without it the first
      // phase measured that first minute of a new database, not the steady state: with nothing
      // stored between phases, 256/s against 381 and 392/s in the two after; with it, 547
      // against 415/s. (ANALYZE also makes PostgreSQL drop the plans it keeps for prepared
      // statements, made while the tables were empty.)
      await sql`analyze`.execute(database.db);
      // The peer inserts the rows of a submission the first warm-up stored. Ours and the peer's
      // runs take turns: this machine's speed changes within minutes (the same load, a minute
      // apart, read 311 and 405/s), and one long run of each measured that as often as either
      // side. Each size gets its own turns, so pgbench's rate beside ours shows what the machine
      // (and the database's own growth) did between sizes.
      sample ??= await sampleRows(database.db);
      const ours: LoadResult[] = [];
      const peers: PgbenchResult[] = [];
      for (let turn = 0; turn < turns; turn++) {
        ours.push(await submissionRun(turnSeconds));
        peers.push(
          await pgbenchSameRows({
            url: database.url,
            rows: sample,
            members,
            clients: CONNECTIONS,
            seconds: turnSeconds,
          }),
        );
      }
      const submissions = combinedLoad(ours);
      const peer = combinedPgbench(peers);
      const drain = await outboxDrained(database.db);
      // The statistics as autovacuum keeps them in steady use: at 0 stored, the tables have just
      // grown from nothing, faster than its one-minute rounds follow.
      await sql`analyze`.execute(database.db);
      await officeRun(warmSeconds);
      const office = await officeRun(seconds);
      phases.push({ stored: size, submissions, peer, drain, office });
    }
    plans = await queryPlans(database.url, sizes.at(-1)!);
  } finally {
    await server.stop();
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
  if (pool.reused > 0) console.warn(`The bench reused ${pool.reused} members (409s): give it more members.`);
  return { submissions: submissionRows(phases[0]!), growth: growthRows(phases), plans };
}

function submissionRows(first: Phase): Row[] {
  const { submissions, peer } = first;
  const ratio = submissions.okPerSecond / peer.tps;
  return [
    {
      target: 'submissions, PostgreSQL server, 50 connections',
      figure: `${formatRate(submissions.okPerSecond)} accepted${failures(submissions)}`,
      peer: `pgbench, same rows: ${formatRate(peer.tps)}`,
      ratio: `${ratio.toFixed(2)}×`,
      goal: '≥ 3 k/s and ≥ 0.5×',
      met: submissions.okPerSecond >= 3000 && ratio >= 0.5,
    },
    {
      target: 'submissions, p50 / p99 latency',
      figure: `${formatMs(submissions.p50Ms)} / ${formatMs(submissions.p99Ms)}`,
      peer: `pgbench average ${formatMs(peer.latencyMs)}`,
      ratio: '—',
      goal: 'p99 < 50 ms',
      met: submissions.p99Ms < 50,
    },
    {
      target: 'their mail still queued when the load ended',
      figure: `${first.drain.mails.toLocaleString('en')} mails, sent in ${formatMs(first.drain.ms)}`,
      peer: '—',
      ratio: '—',
      goal: 'measured before the next phase',
      met: undefined,
    },
  ];
}

function growthRows(phases: readonly Phase[]): Row[] {
  const [first] = phases;
  const rows: Row[] = [];
  for (const phase of phases) {
    if (phase === first) continue;
    const rate = phase.submissions.okPerSecond / first!.submissions.okPerSecond;
    rows.push({
      target: `submissions at ${count(phase.stored)} stored`,
      figure: `${formatRate(phase.submissions.okPerSecond)}, p99 ${formatMs(phase.submissions.p99Ms)}`,
      // pgbench's own change beside ours: the machine's, and the database's.
      peer: `at 0: ${formatRate(first!.submissions.okPerSecond)} (pgbench ${formatRate(phase.peer.tps)}, ${(phase.peer.tps / first!.peer.tps).toFixed(2)}× its rate at 0)`,
      ratio: `${rate.toFixed(2)}×`,
      goal: '≥ 0.8× (flat)',
      met: rate >= 0.8,
    });
  }
  for (const phase of phases) {
    const largest = phase === phases.at(-1);
    const p99 = phase.office.p99Ms;
    const flat = p99 <= first!.office.p99Ms * 1.2;
    rows.push({
      target: `office list p99 at ${count(phase.stored)} stored (${OFFICE_CONNECTIONS} connections)`,
      figure: `${formatMs(p99)} (${formatRate(phase.office.okPerSecond)}${failures(phase.office)})`,
      peer: phase === first ? '—' : `at 0: ${formatMs(first!.office.p99Ms)}`,
      ratio: phase === first ? '—' : `${(p99 / first!.office.p99Ms).toFixed(2)}×`,
      goal: largest ? '< 20 ms, ≤ 1.2×' : '≤ 1.2×',
      met: phase === first ? undefined : largest ? p99 < 20 && flat : flat,
    });
  }
  return rows;
}

function failures(result: LoadResult): string {
  return result.failed > 0 ? `, ${result.failed} failed` : '';
}

function count(size: number): string {
  return size >= 1e6 ? `${size / 1e6} M` : size >= 1e3 ? `${size / 1e3} k` : String(size);
}
