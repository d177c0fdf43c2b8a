import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { type SampleRows, sameRowsStatement } from './same-rows.js';

const run = promisify(execFile);

export interface PgbenchResult {
  readonly tps: number;
  readonly latencyMs: number;
  readonly transactions: number;
  readonly seconds: number;
}

/** The figures pgbench prints at the end of a run. */
export function pgbenchFigures(stdout: string): PgbenchResult {
  const tps = /tps = ([\d.]+)/.exec(stdout)?.[1];
  const latency = /latency average = ([\d.]+) ms/.exec(stdout)?.[1];
  const transactions = /number of transactions actually processed: (\d+)/.exec(stdout)?.[1];
  if (!tps || !latency || !transactions) throw new Error(`pgbench printed no rate:\n${stdout}`);
  // The rate pgbench prints leaves out its connection time: the time its transactions took.
  const seconds = Number(transactions) / Number(tps);
  return { tps: Number(tps), latencyMs: Number(latency), transactions: Number(transactions), seconds };
}

/** Several runs of pgbench as if they were one: their transactions over their summed time. */
export function combinedPgbench(results: readonly PgbenchResult[]): PgbenchResult {
  const transactions = results.reduce((sum, result) => sum + result.transactions, 0);
  const seconds = results.reduce((sum, result) => sum + result.seconds, 0);
  const latencyMs = results.reduce((sum, result) => sum + result.latencyMs * result.transactions, 0) / transactions;
  return { tps: transactions / seconds, latencyMs, transactions, seconds };
}

/**
 * The database's own commit rate for the rows of one submission: PostgreSQL's pgbench, 50
 * clients on 2 threads, each transaction the one statement `sameRowsStatement` writes for a
 * random bench member.
 */
export async function pgbenchSameRows(options: {
  readonly url: string;
  readonly rows: SampleRows;
  readonly members: number;
  readonly clients: number;
  readonly seconds: number;
}): Promise<PgbenchResult> {
  const folder = await mkdtemp(path.join(tmpdir(), 'mamis-pgbench-'));
  const script = path.join(folder, 'submission.sql');
  await writeFile(
    script,
    `\\set m random(1, ${options.members})\n${sameRowsStatement(options.rows, "'bench-m-' || :m")}`,
  );
  try {
    const { stdout } = await run(
      'pgbench',
      [
        '--no-vacuum',
        `--file=${script}`,
        `--client=${options.clients}`,
        '--jobs=2',
        `--time=${options.seconds}`,
        options.url,
      ],
      { maxBuffer: 16 * 1024 * 1024 },
    );
    return pgbenchFigures(stdout);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
