import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { combinedLoad, type LoadResult } from '../bench/support/load.js';
import { combinedPgbench, pgbenchFigures } from '../bench/support/pgbench.js';
import { nodeFlagsOf } from '../bench/support/server-process.js';

// The bench's own arithmetic: its figures are only quoted, never asserted, so a slip here
// would go into the README unnoticed.

function load(ok: number, seconds: number, latencies: number[], failed = 0): LoadResult {
  return { okPerSecond: ok / seconds, ok, failed, p50Ms: Number.NaN, p99Ms: Number.NaN, seconds, latencies };
}

describe('combinedLoad', () => {
  it('counts the responses of all turns over their summed time, with percentiles of all latencies', () => {
    const combined = combinedLoad([load(300, 5, [30, 10, 20]), load(100, 5, [40], 2)]);
    expect(combined.ok).toBe(400);
    expect(combined.failed).toBe(2);
    expect(combined.seconds).toBe(10);
    expect(combined.okPerSecond).toBe(40);
    expect(combined.latencies).toEqual([10, 20, 30, 40]);
    expect(combined.p50Ms).toBe(20);
    expect(combined.p99Ms).toBe(40);
  });
});

const PGBENCH_OUTPUT = `transaction type: submission.sql
number of clients: 50
duration: 5 s
number of transactions actually processed: 3000
number of failed transactions: 0 (0.000%)
latency average = 80.000 ms
initial connection time = 120.000 ms
tps = 625.000000 (without initial connection time)
`;

describe('pgbench figures', () => {
  it('reads the rate, latency and transactions, and the time they took', () => {
    expect(pgbenchFigures(PGBENCH_OUTPUT)).toEqual({ tps: 625, latencyMs: 80, transactions: 3000, seconds: 4.8 });
  });

  it('refuses output without a rate', () => {
    expect(() => pgbenchFigures('pgbench: error: connection refused')).toThrow(/no rate/);
  });

  it('combines turns by their transactions, not by averaging rates', () => {
    const combined = combinedPgbench([
      { tps: 1000, latencyMs: 50, transactions: 4000, seconds: 4 },
      { tps: 500, latencyMs: 100, transactions: 1000, seconds: 2 },
    ]);
    expect(combined.transactions).toBe(5000);
    expect(combined.seconds).toBe(6);
    expect(combined.tps).toBeCloseTo(833.33, 2);
    expect(combined.latencyMs).toBe(60);
  });
});

describe('nodeFlagsOf', () => {
  it('gives the flags of the start command', () => {
    expect(
      nodeFlagsOf('npm run build --silent && node --max-semi-space-size=64 --no-warnings server/dist/main.mjs'),
    ).toEqual(['--max-semi-space-size=64', '--no-warnings']);
    expect(nodeFlagsOf('node server/dist/main.mjs')).toEqual([]);
  });

  it('refuses a start script that no longer runs the bundle', () => {
    expect(() => nodeFlagsOf('tsx server/main.ts')).toThrow(/no longer runs/);
  });

  it("reads this project's npm start", () => {
    const { scripts } = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8'));
    expect(nodeFlagsOf(scripts.start)).toContain('--max-semi-space-size=64');
  });
});
