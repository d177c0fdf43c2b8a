import { randomUUID } from 'node:crypto';
import autocannon, { type AutocannonOptions, type AutocannonRequest, type AutocannonResult } from 'autocannon';
import { type BenchMember, benchMember, withdrawalBody } from './bench-data.js';

/** Autocannon's figures, as the tables print them. */
export interface LoadResult {
  /** Responses with the expected status, per second. */
  readonly okPerSecond: number;
  readonly ok: number;
  /** Other statuses and connection errors: a healthy run has none. */
  readonly failed: number;
  /** Latencies of the expected responses, to the microsecond (autocannon's own are whole ms). */
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** How long the load ran, and the expected responses' latencies in ms, sorted. */
  readonly seconds: number;
  readonly latencies: readonly number[];
}

/** Hands out bench members in turn; each files one application, so every request is accepted. */
export class MemberPool {
  #next: number;
  readonly #first: number;
  readonly #last: number;
  readonly #cities: readonly string[];
  /** Members handed out a second time (their refiling is a 409): the pool was too small. */
  reused = 0;

  constructor(first: number, last: number, cities: readonly string[]) {
    this.#first = first;
    this.#next = first;
    this.#last = last;
    this.#cities = cities;
  }

  #wrapped = false;

  take(): BenchMember {
    if (this.#next > this.#last) {
      this.#next = this.#first;
      this.#wrapped = true;
    }
    if (this.#wrapped) this.reused++;
    return benchMember(this.#next++, this.#cities);
  }
}

export interface SubmissionLoad {
  readonly url: string;
  readonly members: MemberPool;
  readonly withdrawalDate: string;
  readonly connections: number;
  readonly seconds: number;
}

/** `POST /api/forms/withdrawal/submissions`, each request by the next member. */
export async function submissionLoad(load: SubmissionLoad): Promise<LoadResult> {
  return measuredLoad(201, {
    url: load.url,
    connections: load.connections,
    duration: load.seconds,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: '/api/forms/withdrawal/submissions',
        setupRequest: (request: AutocannonRequest): AutocannonRequest => {
          const member = load.members.take();
          return {
            ...request,
            headers: {
              'content-type': 'application/json',
              cookie: member.cookie,
              'x-csrf-token': member.csrfToken,
              // As the portal's form sends with every submission.
              'idempotency-key': randomUUID(),
            },
            body: withdrawalBody(member, load.withdrawalDate),
          };
        },
      },
    ],
  });
}

export interface GetLoad {
  readonly url: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly connections: number;
  readonly seconds: number;
}

/** A GET with fixed headers, e.g. an office's list of applications. */
export async function getLoad(load: GetLoad): Promise<LoadResult> {
  return measuredLoad(200, {
    url: load.url,
    connections: load.connections,
    duration: load.seconds,
    timeout: 30,
    requests: [{ method: 'GET', path: load.path, headers: load.headers }],
  });
}

/**
 * Runs the load, keeping each expected response's latency as autocannon timed it: its result's
 * histogram drops the fraction of a millisecond, which at 15 ms is a step of 7 %.
 */
async function measuredLoad(expected: number, options: AutocannonOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const result = await autocannon(options).on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode === expected) latencies.push(responseTime);
  });
  return summarise(
    result,
    String(expected),
    latencies.sort((a, b) => a - b),
  );
}

/** The nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], fraction: number): number {
  return sorted.length === 0 ? Number.NaN : sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)]!;
}

function summarise(result: AutocannonResult, expected: string, latencies: readonly number[]): LoadResult {
  const ok = result.statusCodeStats[expected]?.count ?? 0;
  const total = Object.values(result.statusCodeStats).reduce((sum, stat) => sum + Number(stat.count), 0);
  return loadResult(Number(ok), total - Number(ok) + result.errors, result.duration, latencies);
}

/** Several runs of one load as if they were one: their responses over their summed time. */
export function combinedLoad(results: readonly LoadResult[]): LoadResult {
  const sum = (value: (result: LoadResult) => number) => results.reduce((total, result) => total + value(result), 0);
  const latencies = results.flatMap((result) => result.latencies).sort((a, b) => a - b);
  return loadResult(
    sum((result) => result.ok),
    sum((result) => result.failed),
    sum((result) => result.seconds),
    latencies,
  );
}

function loadResult(ok: number, failed: number, seconds: number, latencies: readonly number[]): LoadResult {
  return {
    okPerSecond: ok / seconds,
    ok,
    failed,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    seconds,
    latencies,
  };
}
