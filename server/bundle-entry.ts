/**
 * The entry of `npm start`'s bundle (`server/dist/main.mjs`, see build-server.ts). It starts
 * opening the embedded database, then runs the server (`main.ts`, bundled into `server.cjs` beside
 * it) from V8's code cache: compiling the server's JavaScript, and then each function as it first
 * ran, was a good part of every start. Node 20's module loader keeps no such cache, `vm.Script`
 * does. The cache is written a few seconds into a start that found none (or none V8 accepted),
 * beside the script, named by the bundle's fingerprint: V8 itself checks only the length of the
 * source a cache was made from.
 */
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { embeddedDatabaseFolder } from './config/server-settings.js';
import { preloadEmbeddedDatabase } from './db/embedded-database-preload.js';

/** By then a start has served its first requests, and compiled what they run. */
const CACHE_DELAY_MS = 3_000;

// First, so that the embedded database opens in its thread while this one loads the server
// (see embedded-database-preload.ts); the server (main.ts) takes it, and reports a failure.
const embeddedFolder = embeddedDatabaseFolder(process.env, process.cwd());
if (embeddedFolder !== undefined) preloadEmbeddedDatabase(embeddedFolder);

const scriptFile = fileURLToPath(new URL('./server.cjs', import.meta.url));
const cacheFile = `${scriptFile}.${globalThis.MAMIS_SERVER_BUILD?.slice(0, 16)}.cache`;
const [source, cachedData] = await Promise.all([
  readFile(scriptFile, 'utf8'),
  readFile(cacheFile).catch(() => undefined),
]);
// Node's own wrapper for CommonJS, on the script's first line so that its lines keep their numbers.
const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
  filename: scriptFile,
  cachedData,
});
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(scriptFile), module, scriptFile, path.dirname(scriptFile));
if (cachedData === undefined || script.cachedDataRejected) {
  setTimeout(() => void writeCache(script), CACHE_DELAY_MS).unref();
}

async function writeCache(compiled: vm.Script): Promise<void> {
  const partial = `${cacheFile}.${process.pid}.partial`;
  try {
    await writeFile(partial, compiled.createCachedData());
    // Renamed into place: another server on the same bundle may be reading or writing it.
    await rename(partial, cacheFile);
  } catch {
    // A read-only install starts without the cache; nothing else changes.
    await rm(partial, { force: true });
  }
}
