import { rm } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { browserBench } from './browser-bench.js';
import { bundleBench } from './bundle-bench.js';
import { embeddedBench } from './embedded-bench.js';
import { printBlock, printTable } from './measure.js';
import { serverDatabaseBench } from './server-database-bench.js';
import { startBench } from './start-bench.js';
import { validationBench } from './validation-bench.js';

/**
 * `npm run bench [-- --quick] [-- --only bundle,validation,server,embedded,start,browser]`:
 * every performance target, its figure, the peer's figure from the same run, and the ratio.
 */
const PARTS = ['bundle', 'validation', 'server', 'embedded', 'start', 'browser'] as const;
type Part = (typeof PARTS)[number];

const { values } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, only: { type: 'string' } },
});
const options = { quick: values.quick ?? false };
const only = new Set((values.only?.split(',') ?? PARTS) as Part[]);
const load = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' / ');
console.log(`MAMIS benchmarks${options.quick ? ' (quick mode: figures are indicative only)' : ''}`);
console.log(`Machine load average (1 / 5 / 15 min) at the start: ${load()}`);
if (only.has('bundle')) printTable('Bundle (target 1)', await bundleBench());
if (only.has('validation')) printTable('Validation (target 2)', validationBench(options));
if (only.has('server')) {
  const figures = await serverDatabaseBench(options);
  printTable('Submissions on the PostgreSQL server (target 3)', figures.submissions);
  printTable('Growth (target 4)', figures.growth);
  printBlock('Query plans at the largest size (target 4):', figures.plans);
}
if (only.has('embedded') || only.has('start')) {
  // The start benchmark opens the embedded benchmark's data folder again: warm, and filled.
  const embedded = await embeddedBench(options);
  try {
    if (only.has('embedded')) printTable('Submissions on the embedded database (target 3)', embedded.rows);
    if (only.has('start')) printTable('Start (target 5)', await startBench(options, embedded.dataDir));
  } finally {
    await rm(embedded.dataDir, { recursive: true, force: true });
  }
}
if (only.has('browser')) printTable('Browser (target 6)', await browserBench(options));
console.log(`\nMachine load average at the end: ${load()}`);
