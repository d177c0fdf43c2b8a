import { Worker } from 'node:worker_threads';
import { compiledEmbeddedDatabaseCode } from './embedded-database-code.js';

/** A query's answer, as PGlite gives it to Kysely's PGlite dialect. */
export interface EmbeddedQueryResult {
  readonly rows: unknown[];
  readonly affectedRows?: number;
}

/**
 * The code of errors that mean the embedded database's thread has stopped (it crashed, or the
 * database was closed): nothing more can be asked of it. See `isDatabaseUnavailable`.
 */
export const EMBEDDED_DATABASE_STOPPED = 'EMBEDDED_DATABASE_STOPPED';

/** What the thread sends back (see embedded-database-worker.mjs). */
type Reply =
  | { readonly type: 'opened' }
  | { readonly type: 'failed'; readonly error: ErrorFields }
  | { readonly type: 'answer'; readonly id: number; readonly rows: unknown[]; readonly affectedRows?: number }
  | { readonly type: 'refusal'; readonly id: number; readonly error: ErrorFields };

interface ErrorFields {
  readonly message: string;
  readonly [field: string]: string | number;
}

interface Question {
  resolve(result: EmbeddedQueryResult): void;
  reject(error: Error): void;
}

/**
 * The embedded database (PGlite), run in a thread of its own. PGlite runs PostgreSQL as
 * WebAssembly on the thread that calls it, and its work for a query is synchronous: on the
 * server's thread, every query held up every request, and opening the data folder held up
 * loading the server. Here its work goes on beside the server's.
 *
 * Queries go to the thread as messages and are answered in the order asked; the rows come back
 * by structured clone, so timestamps stay Dates. This is all Kysely's PGlite dialect asks of
 * PGlite: `query` and `close`.
 */
export class EmbeddedDatabaseClient {
  /** Resolves once the folder is open; rejects with PGlite's error if it cannot be. */
  readonly opened: Promise<void>;
  readonly folder: string;
  readonly #thread: Worker;
  readonly #questions = new Map<number, Question>();
  #nextId = 1;
  #stopped: Error | undefined;

  /** Starts the thread and opens `folder` (a data folder, or `memory://`) in it at once. */
  constructor(folder: string) {
    this.folder = folder;
    this.#thread = new Worker(new URL('./embedded-database-worker.mjs', import.meta.url), {
      workerData: { folder },
    });
    // The thread loads PGlite's JavaScript while the WebAssembly compiles (once per process).
    compiledEmbeddedDatabaseCode().then(
      (wasmModule) => this.#thread.postMessage({ type: 'code', wasmModule }),
      (error: unknown) => this.#thread.postMessage({ type: 'code', error: String(error) }),
    );
    this.opened = new Promise<void>((resolve, reject) => {
      this.#thread.on('message', (reply: Reply) => {
        if (reply.type === 'opened') {
          if (this.#questions.size === 0) this.#thread.unref();
          resolve();
        } else if (reply.type === 'failed') {
          reject(errorOf(reply.error));
          void this.#stop(errorOf(reply.error));
        } else this.#answer(reply);
      });
      // A thread that ends before it opened the folder rejects `opened`; a later end rejects
      // whatever was still asked (`reject` then does nothing).
      this.#thread.once('error', (error) => {
        reject(error);
        void this.#stop(stoppedError(`The embedded database stopped: ${error.message}`, error));
      });
      this.#thread.once('exit', (code) => {
        const error = stoppedError(`The embedded database stopped (exit code ${code}).`);
        reject(error);
        void this.#stop(error);
      });
    });
  }

  query(sql: string, params: readonly unknown[] = []): Promise<EmbeddedQueryResult> {
    return this.#ask({ type: 'query', sql, params });
  }

  /** Closes the database (PGlite writes what it holds) and ends the thread. */
  async close(): Promise<void> {
    if (this.#stopped) return;
    try {
      await this.#ask({ type: 'close' });
    } finally {
      await this.#stop(stoppedError('The embedded database is closed.'));
    }
  }

  #ask(message: { readonly type: 'query' | 'close'; readonly sql?: string; readonly params?: readonly unknown[] }) {
    if (this.#stopped) return Promise.reject(this.#stopped);
    const id = this.#nextId++;
    // The thread keeps the process alive only while a question waits for its answer, as a
    // socket with a query in flight does: an idle database never holds up the process's exit.
    if (this.#questions.size === 0) this.#thread.ref();
    return new Promise<EmbeddedQueryResult>((resolve, reject) => {
      this.#questions.set(id, { resolve, reject });
      this.#thread.postMessage({ ...message, id });
    });
  }

  #answer(reply: Extract<Reply, { id: number }>): void {
    const question = this.#questions.get(reply.id);
    if (!question) return;
    this.#questions.delete(reply.id);
    if (this.#questions.size === 0) this.#thread.unref();
    if (reply.type === 'refusal') question.reject(errorOf(reply.error));
    else question.resolve({ rows: reply.rows, affectedRows: reply.affectedRows });
  }

  async #stop(error: Error): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = error;
    for (const question of this.#questions.values()) question.reject(error);
    this.#questions.clear();
    await this.#thread.terminate();
  }
}

/** The error PGlite threw, rebuilt with PostgreSQL's fields (`code`, `constraint` …). */
function errorOf(fields: ErrorFields): Error {
  const { message, name, ...rest } = fields;
  const error = Object.assign(new Error(message), rest);
  if (typeof name === 'string') error.name = name;
  return error;
}

function stoppedError(message: string, cause?: Error): Error {
  return Object.assign(new Error(message, cause ? { cause } : undefined), { code: EMBEDDED_DATABASE_STOPPED });
}
