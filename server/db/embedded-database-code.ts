import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

export interface EmbeddedDatabaseCode {
  readonly pglite: typeof import('@electric-sql/pglite');
  readonly wasmModule: WebAssembly.Module;
}

/**
 * Where the process keeps it: `npm start`'s bundle holds this module twice, in its entry, which
 * begins the preload, and in the server it then runs, which opens the database with it.
 */
const PRELOAD = Symbol.for('mamis.embeddedDatabaseCode');
const processWide = globalThis as { [PRELOAD]?: Promise<EmbeddedDatabaseCode> };

/**
 * Loads PGlite and compiles its WebAssembly, once per process. `npm start` calls it first thing
 * when it will use the embedded database: V8 compiles the WebAssembly in background threads
 * while this thread loads the server. PGlite left to itself would begin reading its WebAssembly
 * only a few steps into its open.
 */
export function preloadEmbeddedDatabase(): Promise<EmbeddedDatabaseCode> {
  processWide[PRELOAD] ??= loadEmbeddedDatabaseCode();
  return processWide[PRELOAD];
}

async function loadEmbeddedDatabaseCode(): Promise<EmbeddedDatabaseCode> {
  const packageFile = createRequire(import.meta.url).resolve;
  const wasmModule = readFile(packageFile('@electric-sql/pglite/pglite.wasm')).then((bytes) =>
    WebAssembly.compile(bytes),
  );
  // Awaited together: a failure of one is not left unhandled while the other is awaited.
  const [pglite, compiled] = await Promise.all([import('@electric-sql/pglite'), wasmModule]);
  return { pglite, wasmModule: compiled };
}
