import { EmbeddedDatabaseClient } from './embedded-database-client.js';

/**
 * Where the process keeps it: `npm start`'s bundle holds this module twice, in its entry, which
 * starts the preload, and in the server it then runs, which takes it.
 */
const PRELOAD = Symbol.for('mamis.embeddedDatabasePreload');
const processWide = globalThis as { [PRELOAD]?: EmbeddedDatabaseClient | undefined };

/**
 * Starts the embedded database's thread on `folder` now, before the server needs it: `npm start`
 * calls this first thing when it will use the embedded database, so that PGlite loads, compiles
 * its WebAssembly and opens the folder while this thread loads the server. The server's
 * `openDatabase` then takes it; a failure is reported there.
 */
export function preloadEmbeddedDatabase(folder: string): void {
  if (processWide[PRELOAD]) return;
  const client = new EmbeddedDatabaseClient(folder);
  // Reported when the server takes it, or not at all if the server refuses to start first.
  client.opened.catch(() => {});
  processWide[PRELOAD] = client;
}

/** The embedded database on `folder`: the preloaded one if it was started on that folder. */
export function openEmbeddedDatabase(folder: string): EmbeddedDatabaseClient {
  const preloaded = processWide[PRELOAD];
  processWide[PRELOAD] = undefined;
  if (preloaded?.folder === folder) return preloaded;
  // Started on another folder: given up. Its failure, if any, concerns no one.
  preloaded?.close().catch(() => {});
  return new EmbeddedDatabaseClient(folder);
}
