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

/** The median of the values. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
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

export function formatRate(perSecond: number): string {
  return perSecond >= 1e6 ? `${(perSecond / 1e6).toFixed(2)} M/s` : `${(perSecond / 1e3).toFixed(1)} k/s`;
}
