import { Kysely, PostgresDialect } from 'kysely';
import pg, { type PoolClient, type TypeParsers } from 'pg';
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
    prepareStatements(client);
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** How many distinct statement texts get a name; Kysely builds a bounded set of them. */
const MAX_NAMED_STATEMENTS = 2000;
const statementNames = new Map<string, string>();

/**
 * Sends every statement as a named prepared statement. Kysely passes SQL text, which pg sends
 * unnamed: PostgreSQL then parses and plans it again on every call, which on the submission's
 * joins cost more CPU than executing them. Named, each connection parses a statement once and,
 * after a few runs, reuses its plan. (Not for a transaction-pooling proxy in front of the
 * server, which cannot keep a statement per connection.)
 */
function prepareStatements(client: PoolClient): void {
  const query = client.query.bind(client) as (config: unknown, values?: unknown) => unknown;
  (client as { query: unknown }).query = (config: unknown, values?: unknown) => {
    if (typeof config !== 'string' || !Array.isArray(values)) return query(config, values);
    let name = statementNames.get(config);
    if (name === undefined && statementNames.size < MAX_NAMED_STATEMENTS) {
      name = `k${statementNames.size + 1}`;
      statementNames.set(config, name);
    }
    return name === undefined ? query(config, values) : query({ name, text: config, values });
  };
}
