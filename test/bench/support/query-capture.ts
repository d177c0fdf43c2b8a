import { type CompiledQuery, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../../../server/db/database.js';

/**
 * A connection to the bench database that remembers every query it runs, so the bench can
 * EXPLAIN exactly what the store functions send instead of a copy that could drift from them.
 */
export interface CapturingDatabase {
  readonly db: Kysely<Database>;
  /** The queries run since the last call. */
  take(): CompiledQuery[];
  close(): Promise<void>;
}

export function capturingDatabase(url: string): CapturingDatabase {
  let captured: CompiledQuery[] = [];
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 2 }) }),
    log: (event) => {
      captured.push(event.query);
    },
  });
  return {
    db,
    take() {
      const taken = captured;
      captured = [];
      return taken;
    },
    close: () => db.destroy(),
  };
}
