import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { PostgresJSDialect } from 'kysely-postgres-js';
import postgres from 'postgres';
import type { Database } from './database.js';

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

// OIDs of the types both drivers must return alike: `date` as 'YYYY-MM-DD' (no time zone
// shift through a JS Date) and `int8` as a string (bigserial ids, count(*)).
const DATE_OID = 1082;
const INT8_OID = 20;
const JSON_OID = 114;
const JSONB_OID = 3802;

/**
 * Opens the database: a PostgreSQL server through postgres.js when a URL is given, otherwise
 * PGlite (real PostgreSQL in WebAssembly) in a data folder. One code path above this line; the
 * dialect is the only difference.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.url) {
    const sql = postgres(options.url, {
      max: options.poolSize ?? 10,
      onnotice: () => {},
      types: {
        date: { to: DATE_OID, from: [DATE_OID], serialize: (value: string) => value, parse: (value: string) => value },
        // Serialize numbers too: LIMIT and OFFSET parameters are int8, and kysely passes them as numbers.
        int8: {
          to: INT8_OID,
          from: [INT8_OID],
          serialize: (value: string | number | bigint) => String(value),
          parse: (value: string) => value,
        },
        // Kysely hands json/jsonb columns already-serialised strings (see database.ts); postgres.js
        // would JSON.stringify them again and store a JSON *string* instead of the object.
        json: {
          to: JSON_OID,
          from: [JSON_OID, JSONB_OID],
          serialize: (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value)),
          parse: (value: string) => JSON.parse(value),
        },
      },
    });
    const db = new Kysely<Database>({ dialect: new PostgresJSDialect({ postgres: sql }) });
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
