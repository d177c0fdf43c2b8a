// @ts-check
/**
 * The embedded database's thread: PGlite, opened on the folder in `workerData.folder`, answering
 * the questions of `EmbeddedDatabaseClient` (embedded-database-client.ts, which starts it).
 * Plain JavaScript, so that Node runs it as it is, from the bundle and from the sources alike.
 *
 * In: `{ type: 'code', wasmModule }` (PGlite's WebAssembly, compiled) or `{ type: 'code', error }`
 * once, then `{ type: 'query', id, sql, params }` and `{ type: 'close', id }`.
 * Out: `{ type: 'opened' }` or `{ type: 'failed', error }` once, then for each question
 * `{ type: 'answer', id, rows, affectedRows }` or `{ type: 'refusal', id, error }`.
 */
import { mkdir } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { embeddedDatabaseStartParams } from './embedded-database-settings.mjs';

const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);
const folder = /** @type {string} */ (workerData.folder);

/** @type {(message: { wasmModule?: WebAssembly.Module, error?: string }) => void} */
let receiveCode = () => {};
/** @type {Promise<WebAssembly.Module>} */
const code = new Promise((resolve, reject) => {
  receiveCode = ({ wasmModule, error }) => (wasmModule ? resolve(wasmModule) : reject(new Error(error)));
});
const opening = open();

port.on('message', (message) => {
  if (message.type === 'code') receiveCode(message);
  else if (message.type === 'query') void answer(message.id, (database) => database.query(message.sql, message.params));
  else if (message.type === 'close') {
    void answer(message.id, async (database) => {
      await database.close();
      return {};
    });
  }
});

async function open() {
  try {
    // The WebAssembly comes compiled from the thread that started this one (see
    // embedded-database-code.ts): PGlite left to itself would begin reading it only a few
    // steps into its open.
    const [pglite, pgliteWasmModule] = await Promise.all([
      import('@electric-sql/pglite'),
      code,
      folder.includes('://') ? undefined : mkdir(folder, { recursive: true }),
    ]);
    const database = await pglite.PGlite.create(folder, {
      pgliteWasmModule,
      startParams: embeddedDatabaseStartParams(pglite.PGlite.defaultStartParams),
      // Dates stay `YYYY-MM-DD` and int8 a string, as the PostgreSQL server's driver gives them.
      parsers: {
        [pglite.types.DATE]: (/** @type {string} */ value) => value,
        [pglite.types.INT8]: (/** @type {string} */ value) => value,
      },
    });
    port.postMessage({ type: 'opened' });
    return database;
  } catch (error) {
    port.postMessage({ type: 'failed', error: errorFields(error) });
    return undefined;
  }
}

/**
 * @param {number} id
 * @param {(database: import('@electric-sql/pglite').PGlite) => Promise<{ rows?: unknown[], affectedRows?: number }>} ask
 */
async function answer(id, ask) {
  const database = await opening;
  if (database === undefined) return; // The client was told, and stops this thread.
  try {
    const { rows = [], affectedRows } = await ask(database);
    port.postMessage({ type: 'answer', id, rows, affectedRows });
  } catch (error) {
    port.postMessage({ type: 'refusal', id, error: errorFields(error) });
  }
}

/**
 * What a thrown error says, as data that can be sent: its message and name, and PostgreSQL's
 * fields (`code`, `constraint`, `detail` …). Its other fields (the query, its parameters and
 * options) stay here: the caller has them, and some cannot be sent.
 * @param {unknown} error
 */
function errorFields(error) {
  if (!(error instanceof Error)) return { message: String(error) };
  /** @type {Record<string, string | number>} */
  const fields = { message: error.message, name: error.name };
  for (const [key, value] of Object.entries(error)) {
    if (key !== 'query' && (typeof value === 'string' || typeof value === 'number')) fields[key] = value;
  }
  return fields;
}
