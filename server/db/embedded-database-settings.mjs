// @ts-check
/**
 * The PostgreSQL settings the embedded database opens with, besides PGlite's own. Plain
 * JavaScript, like the thread that applies them (embedded-database-worker.mjs), so that the
 * start benchmark opens PGlite alone the same way.
 *
 * PostgreSQL's defaults are a server's: 128 MB of shared buffers and room for 100 connections,
 * all set up at every open (in a profile, most of it one `memset`). The embedded database has
 * one process and one connection; those defaults were about 40 % of its open (1.05 s against
 * 0.65 s on a warm folder), and the smaller pool costs little, as the folder's files stay in
 * the system's cache.
 */
export const EMBEDDED_DATABASE_SETTINGS = Object.freeze({
  shared_buffers: '16MB',
  // One connection is used; PostgreSQL keeps three of these for superusers.
  max_connections: '5',
});

/**
 * PGlite's start parameters with the settings above.
 * @param {readonly string[]} defaults PGlite's own (`PGlite.defaultStartParams`)
 * @returns {string[]}
 */
export function embeddedDatabaseStartParams(defaults) {
  return [
    ...defaults,
    ...Object.entries(EMBEDDED_DATABASE_SETTINGS).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
  ];
}
