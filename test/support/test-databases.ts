import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { migrateToLatest } from '../../server/db/migrate.js';
import { type DatabaseHandle, type DialectName, openDatabase } from '../../server/db/open-database.js';

/**
 * The databases every store suite runs against, like Kysely's own suite runs once per dialect:
 * the embedded PGlite always, and the PostgreSQL server at DATABASE_URL (CI sets it to the local
 * server; locally it defaults to it too).
 */
export const TEST_DIALECTS: readonly DialectName[] = ['pglite', 'postgres'];

export const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase extends DatabaseHandle {
  /** Drops the throwaway database (server) or closes the in-memory one. */
  dispose(): Promise<void>;
  /** The URL of the throwaway server database, for tests that start a server process. */
  readonly url: string | undefined;
}

/**
 * A fresh, migrated, empty database of the given dialect. On the server each call creates its
 * own database, so test files can run in parallel without seeing each other's rows.
 */
export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  if (dialect === 'pglite') {
    const handle = await openDatabase({ dataDir: 'memory://' });
    await migrateToLatest(handle.db);
    return { ...handle, url: undefined, dispose: () => handle.close() };
  }
  const name = `mamis_t_${randomBytes(6).toString('hex')}`;
  const admin = postgres(SERVER_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = withDatabase(SERVER_URL, name);
  const handle = await openDatabase({ url, poolSize: 5 });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    url,
    dispose: async () => {
      await handle.close();
      const cleanup = postgres(SERVER_URL, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
