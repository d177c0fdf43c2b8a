import { parseArgs } from 'node:util';
import { bundleBench } from './bundle-bench.js';
import { printTable } from './measure.js';
import { validationBench } from './validation-bench.js';

/** `npm run bench [-- --quick]`: every performance target, its figure, the peer's, the ratio. */
const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
const options = { quick: values.quick ?? false };
console.log(`MAMIS benchmarks${options.quick ? ' (quick mode: figures are indicative only)' : ''}`);
printTable('Bundle (target 1)', await bundleBench());
printTable('Validation (target 2)', validationBench(options));
