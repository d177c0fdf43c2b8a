import { type Kysely, type MigrationResultSet, Migrator, sql } from 'kysely';
import type { Database } from './database.js';
import { MIGRATIONS } from './migrations/index.js';

/** Thrown when a migration fails; the database is left at the last migration that succeeded. */
export class MigrationError extends Error {
  override readonly name = 'MigrationError';
  readonly migration: string | undefined;
  constructor(migration: string | undefined, options: { cause: unknown }) {
    super(
      `Database migration ${migration ?? '(unknown)'} failed: ${String((options.cause as Error)?.message ?? options.cause)}`,
      options,
    );
    this.migration = migration;
  }
}

/** Brings the schema to the latest migration; returns the names of the migrations it ran. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  if (await hasRunEveryMigration(db)) return [];
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => ({ ...MIGRATIONS }) },
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((item) => item.status === 'Error');
    throw new MigrationError(failed?.migrationName, { cause: result.error });
  }
  return (result.results ?? []).filter((item) => item.status === 'Success').map((item) => item.migrationName);
}

/**
 * Whether every migration has run, in order, and no other: then the Migrator would do nothing.
 * It finds that out only after looking its tables up in the catalog, which took a quarter of a
 * second of every start on the embedded database; this one read takes a few milliseconds.
 */
async function hasRunEveryMigration(db: Kysely<Database>): Promise<boolean> {
  let executed: { name: string; timestamp: string }[];
  try {
    ({ rows: executed } = await sql<{ name: string; timestamp: string }>`
      select name, timestamp from kysely_migration`.execute(db));
  } catch {
    return false; // A new database, or a problem the Migrator will report.
  }
  // The Migrator's own order for the migrations that ran: by time, then by name.
  executed.sort((a, b) =>
    a.timestamp === b.timestamp
      ? a.name.localeCompare(b.name)
      : new Date(a.timestamp).getTime() - new Date(b.timestamp).getTime(),
  );
  const migrations = Object.keys(MIGRATIONS).sort();
  return executed.length === migrations.length && executed.every((row, index) => row.name === migrations[index]);
}
