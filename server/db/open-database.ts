import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import type { Database } from './database.js';
import { openServerDatabase } from './postgres-server.js';

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
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.url) {
    const db = openServerDatabase(options.url, options.poolSize ?? 10);
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  const pglite = await PGlite.create(options.dataDir ?? 'memory://', {
    parsers: {
      [pgliteTypes.DATE]: (value: string) => value,
      [pgliteTypes.INT8]: (value: string) => value,
    },
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return { db, dialect: 'pglite', close: () => db.destroy() };
}
