import { Kysely, PostgresDialect } from 'kysely';
import pg, { type TypeParsers } from 'pg';
import type { Database } from './database.js';

// OIDs of the types both dialects must return alike: `date` as 'YYYY-MM-DD' (no time zone
// shift through a JS Date). `int8` (bigserial ids, count(*)) is a string in pg already, and
// json/jsonb are parsed.
const DATE_OID = 1082;

const typeParsers: TypeParsers = {
  getTypeParser(oid, format) {
    return oid === DATE_OID ? (value: string) => value : pg.types.getTypeParser(oid, format);
  },
};

/**
 * Kysely over a PostgreSQL server through node-postgres. Chosen over postgres.js, whose 3.4
 * line crashes the whole process when the server restarts under load (a write scheduled on a
 * connection that has just closed throws from a timer, out of reach of any catch). With pg a
 * lost connection is an error on the query that used it; the pool opens new ones once the
 * server is back, and Kysely discards a connection whose rollback failed.
 */
export function openServerDatabase(url: string, poolSize: number): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    // A server that does not answer is reported (503) instead of keeping requests waiting.
    connectionTimeoutMillis: 10_000,
    types: typeParsers,
  });
  // A connection that drops while idle, or while a request holds it between two queries, emits
  // 'error'; unheard, Node would end the process. The query that next uses it fails instead.
  pool.on('error', () => {});
  pool.on('connect', (client) => {
    client.on('error', () => {});
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
