/** Small helpers for benchmarks: time-bounded loops and a printed table. Figures, never asserts. */

export interface BenchOptions {
  /** Quick mode (CI): enough to prove the bench runs, not to quote. */
  readonly quick: boolean;
}

/** Operations per second of `fn`, measured for about `seconds` after a warm-up. */
export function opsPerSecond(fn: () => unknown, seconds: number): number {
  const warmUntil = performance.now() + Math.min(200, seconds * 250);
  while (performance.now() < warmUntil) for (let i = 0; i < 100; i++) fn();
  let operations = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  let now = start;
  while (now < end) {
    for (let i = 0; i < 200; i++) fn();
    operations += 200;
    now = performance.now();
  }
  return operations / ((now - start) / 1000);
}

/**
 * The rates of two functions measured side by side: short slices of each in turn, timed by
 * this process's CPU time. Other work on the machine then slows neither side more than the
 * other, so the ratio holds even on a busy machine.
 */
export function compareRates(
  ours: () => unknown,
  peer: () => unknown,
  seconds: number,
): { readonly ours: number; readonly peer: number } {
  const sides = [
    { fn: ours, operations: 0, micros: 0 },
    { fn: peer, operations: 0, micros: 0 },
  ];
  for (const side of sides) opsPerSecond(side.fn, Math.min(0.5, seconds / 4));
  const perSlice = 500;
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until) {
    for (const side of sides) {
      const before = process.cpuUsage();
      for (let i = 0; i < perSlice; i++) side.fn();
      const used = process.cpuUsage(before);
      side.micros += used.user + used.system;
      side.operations += perSlice;
    }
  }
  const rate = (side: (typeof sides)[number]) => side.operations / (side.micros / 1e6);
  return { ours: rate(sides[0]!), peer: rate(sides[1]!) };
}

/** The median of the values. */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** The p-th percentile (nearest rank) of the values. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  if (p === 50 && sorted.length % 2 === 0) {
    const middle = sorted.length / 2;
    return (sorted[middle - 1]! + sorted[middle]!) / 2;
  }
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export interface Row {
  readonly target: string;
  readonly figure: string;
  readonly peer: string;
  readonly ratio: string;
  readonly goal: string;
  readonly met: boolean | undefined;
}

/** Prints rows as a Markdown table, so a run can be pasted into the README as it is. */
export function printTable(title: string, rows: readonly Row[]): void {
  console.log(`\n### ${title}\n`);
  console.log('| target | ours | peer (same run) | ratio | goal | met |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const row of rows) {
    const met = row.met === undefined ? '—' : row.met ? 'yes' : 'no';
    console.log(`| ${row.target} | ${row.figure} | ${row.peer} | ${row.ratio} | ${row.goal} | ${met} |`);
  }
}

/** Prints the lines as a fenced block (query plans, notes) under the tables. */
export function printBlock(title: string, lines: readonly string[]): void {
  console.log(`\n${title}\n\n\`\`\`\n${lines.join('\n')}\n\`\`\``);
}

export function formatRate(perSecond: number): string {
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(2)} M/s`;
  return perSecond >= 1e4 ? `${(perSecond / 1e3).toFixed(1)} k/s` : `${perSecond.toFixed(0)}/s`;
}

export function formatMs(ms: number): string {
  return ms >= 100 ? `${ms.toFixed(0)} ms` : ms >= 10 ? `${ms.toFixed(1)} ms` : `${ms.toFixed(2)} ms`;
}
