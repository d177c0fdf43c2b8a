import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/**
 * Where the process keeps it: `npm start`'s bundle holds this module twice, in its entry, which
 * begins the compile, and in the server it then runs.
 */
const COMPILED = Symbol.for('mamis.embeddedDatabaseWasm');
const processWide = globalThis as { [COMPILED]?: Promise<WebAssembly.Module> };

/**
 * PGlite's WebAssembly, compiled once per process (V8 compiles it in background threads) and
 * shared by every embedded database the process opens: each thread gets the compiled module.
 */
export function compiledEmbeddedDatabaseCode(): Promise<WebAssembly.Module> {
  processWide[COMPILED] ??= compile();
  return processWide[COMPILED];
}

async function compile(): Promise<WebAssembly.Module> {
  const wasmFile = createRequire(import.meta.url).resolve('@electric-sql/pglite/pglite.wasm');
  return WebAssembly.compile(await readFile(wasmFile));
}
