import type { Kysely } from 'kysely';
import type { Database } from './database.js';
import { preloadEmbeddedDatabase } from './embedded-database-code.js';

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

/**
 * Opens the database: a PostgreSQL server through node-postgres when a URL is given, otherwise
 * PGlite (real PostgreSQL in WebAssembly) in a data folder. One code path above this line; the
 * dialect is the only difference.
 *
 * The drivers are loaded here, not with this module: `npm start` opens the database before it
 * loads the rest of the server, and neither driver is read where the other is used.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.url) {
    const { openServerDatabase } = await import('./postgres-server.js');
    const db = openServerDatabase(options.url, options.poolSize ?? 10);
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  const { pglite: driver, wasmModule } = await preloadEmbeddedDatabase();
  // Kysely is loaded once PGlite has begun to open, so that its compiling does not hold up
  // PGlite's first steps.
  const [pglite, [{ Kysely }, { PGliteDialect }]] = await Promise.all([
    driver.PGlite.create(options.dataDir ?? 'memory://', {
      pgliteWasmModule: wasmModule,
      parsers: {
        [driver.types.DATE]: (value: string) => value,
        [driver.types.INT8]: (value: string) => value,
      },
    }),
    Promise.all([import('kysely'), import('kysely-pglite-dialect')]),
  ]);
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return { db, dialect: 'pglite', close: () => db.destroy() };
}
