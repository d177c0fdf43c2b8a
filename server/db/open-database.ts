import type { PGlite } from '@electric-sql/pglite';
import type { Kysely } from 'kysely';
import type { Database } from './database.js';
import { openEmbeddedDatabase } from './embedded-database-preload.js';

export type DialectName = 'pglite' | 'postgres';

export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  /** Ends the pool or closes the embedded database. */
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** A PostgreSQL server (`postgres://…`); when absent the embedded database is used. */
  readonly url?: string | undefined;
  /** The embedded database's folder; `memory://` keeps it in memory (tests). */
  readonly dataDir?: string | undefined;
  /** Connections in the server pool. */
  readonly poolSize?: number | undefined;
}

/** A database being opened: its handle at once, and when it can answer. */
export interface OpeningDatabase {
  /** Usable at once: queries asked before the database is open wait for it. */
  readonly database: DatabaseHandle;
  /** Resolves once the database is open; rejects with the reason it cannot be. */
  readonly opened: Promise<void>;
}

/**
 * Opens the database: a PostgreSQL server through node-postgres when a URL is given, otherwise
 * PGlite (real PostgreSQL in WebAssembly) in a data folder. One code path above this line; the
 * dialect is the only difference.
 *
 * The drivers are loaded here, not with this module: `npm start` opens the database before it
 * loads the rest of the server, and neither driver is read where the other is used.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  // A database that fails to open has let go of everything already (see EmbeddedDatabaseClient).
  const { database, opened } = await startOpeningDatabase(options);
  await opened;
  return database;
}

/**
 * `openDatabase`, returning as soon as the handle exists: `npm start` builds the server (and
 * starts listening) while the embedded database opens its folder in its own thread.
 */
export async function startOpeningDatabase(options: OpenDatabaseOptions): Promise<OpeningDatabase> {
  if (options.url) {
    const { openServerDatabase } = await import('./postgres-server.js');
    const db = openServerDatabase(options.url, options.poolSize ?? 10);
    return { database: { db, dialect: 'postgres', close: () => db.destroy() }, opened: Promise.resolve() };
  }
  const client = openEmbeddedDatabase(options.dataDir ?? 'memory://');
  // A failure to open is the caller's to report when it awaits `opened`; until then it must not
  // count as an unhandled rejection, which would end the process.
  client.opened.catch(() => {});
  // Kysely is loaded while the embedded database opens in its thread, which answers queries
  // only once it is open.
  const [{ Kysely }, { PGliteDialect }] = await Promise.all([import('kysely'), import('kysely-pglite-dialect')]);
  // The dialect asks PGlite for `query` and `close` alone, which the client answers for it.
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client as unknown as PGlite) });
  return { database: { db, dialect: 'pglite', close: () => db.destroy() }, opened: client.opened };
}
