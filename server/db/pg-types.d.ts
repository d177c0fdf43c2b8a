/**
 * The slice of node-postgres (`pg`, which ships no types) that `postgres-server.ts` uses, as
 * Kysely declares the slice of `pg.Pool` it needs rather than importing pg's own types.
 */
declare module 'pg' {
  import type { PostgresPool, PostgresPoolClient } from 'kysely';

  /** Turns a column's text into a value, chosen by the column type's OID. */
  export interface TypeParsers {
    getTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown;
  }

  export interface PoolConfig {
    readonly connectionString: string;
    readonly max?: number;
    /** How long to wait for a connection before failing, in ms (0: for ever). */
    readonly connectionTimeoutMillis?: number;
    readonly types?: TypeParsers;
  }

  export interface PoolClient extends PostgresPoolClient {
    on(event: 'error', listener: (error: Error) => void): this;
  }

  export class Pool implements PostgresPool {
    constructor(config: PoolConfig);
    connect(): Promise<PoolClient>;
    end(): Promise<void>;
    on(event: 'error', listener: (error: Error, client: PoolClient) => void): this;
    on(event: 'connect', listener: (client: PoolClient) => void): this;
  }

  export const types: TypeParsers;

  const pg: { readonly Pool: typeof Pool; readonly types: TypeParsers };
  export default pg;
}
