import { Worker } from 'node:worker_threads';
import { type LocatedPattern, probeInputs } from './pattern-probes.js';

/** A pattern that ran past its time on some input. */
export interface SlowPattern extends LocatedPattern {
  /** How long the input that stopped it was, in characters. */
  readonly inputLength: number;
}

export interface PatternGuardOptions {
  /** Longest time one pattern may take over all its inputs. */
  readonly budgetMs?: number;
  /** How long the probe strings are: the longest string a request can carry. */
  readonly probeLength?: number;
}

// Plain JavaScript, so the worker needs no TypeScript loader. `u` as Ajv compiles data
// patterns (`unicodeRegExp: true`), so the probe times the very expression members meet.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ id, pattern, inputs }) => {
  let regex;
  try { regex = new RegExp(pattern, 'u'); } catch { parentPort.postMessage({ id }); return; }
  for (const input of inputs) regex.test(input);
  parentPort.postMessage({ id });
});
`;

/**
 * Times regular expressions from untrusted definitions off the main thread. A pattern that takes
 * longer than the budget is reported and its worker terminated (V8 stops a running regular
 * expression when its isolate is terminated), so a catastrophic pattern costs the server at most
 * the budget once — and, since results are remembered, only once per pattern.
 */
export class PatternGuard {
  readonly #budgetMs: number;
  readonly #probeLength: number;
  readonly #known = new Map<string, boolean>();
  #worker: Promise<Worker> | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  #next = 0;

  constructor(options: PatternGuardOptions = {}) {
    this.#budgetMs = options.budgetMs ?? 250;
    this.#probeLength = options.probeLength ?? 64 * 1024;
  }

  /** The patterns that are slow on the probe inputs (each probed once, then remembered). */
  async slowPatterns(patterns: readonly LocatedPattern[]): Promise<SlowPattern[]> {
    const slow: SlowPattern[] = [];
    for (const located of patterns) {
      const { pattern } = located;
      let safe = this.#known.get(pattern);
      if (safe === undefined) {
        safe = await this.#time(pattern, probeInputs(pattern, this.#probeLength));
        if (this.#known.size >= 1000) this.#known.clear();
        this.#known.set(pattern, safe);
      }
      if (!safe) slow.push({ ...located, inputLength: this.#probeLength });
    }
    return slow;
  }

  /** The first pattern that does not finish on these actual strings (a preview's data) within the budget. */
  async slowOn(patterns: readonly LocatedPattern[], inputs: readonly string[]): Promise<SlowPattern | undefined> {
    if (inputs.length === 0) return undefined;
    for (const located of patterns) {
      if (!(await this.#time(located.pattern, inputs))) {
        return { ...located, inputLength: Math.max(...inputs.map((input) => input.length)) };
      }
    }
    return undefined;
  }

  /** Stops the worker (tests; the worker never keeps the process alive anyway). */
  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    await (await worker)?.terminate();
  }

  /** Runs one pattern over the inputs in the worker; false when it ran out of time. */
  #time(pattern: string, inputs: readonly string[]): Promise<boolean> {
    // One probe at a time: the worker is single-threaded and a timeout replaces it.
    const run = this.#queue.then(() => this.#run(pattern, inputs));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #run(pattern: string, inputs: readonly string[]): Promise<boolean> {
    // The clock starts once the worker runs: starting one is not the pattern's time.
    const worker = await this.#ensureWorker();
    const id = ++this.#next;
    return new Promise<boolean>((resolve, reject) => {
      const timer = setTimeout(() => {
        cleanup();
        this.#worker = undefined;
        void worker.terminate();
        resolve(false);
      }, this.#budgetMs);
      const onMessage = (message: { id: number }) => {
        if (message.id !== id) return;
        cleanup();
        resolve(true);
      };
      const onError = (error: Error) => {
        cleanup();
        this.#worker = undefined;
        reject(error);
      };
      const cleanup = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.unref();
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.ref();
      worker.postMessage({ id, pattern, inputs });
    });
  }

  #ensureWorker(): Promise<Worker> {
    if (!this.#worker) {
      const worker = new Worker(WORKER_SOURCE, { eval: true });
      worker.unref();
      this.#worker = new Promise<Worker>((resolve, reject) => {
        worker.once('online', () => resolve(worker));
        worker.once('error', reject);
      });
      this.#worker.catch(() => (this.#worker = undefined));
    }
    return this.#worker;
  }
}
