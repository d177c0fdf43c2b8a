import { type Kysely, type MigrationResultSet, Migrator } from 'kysely';
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
