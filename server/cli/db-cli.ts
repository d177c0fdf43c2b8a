import path from 'node:path';
import { Migrator, NO_MIGRATIONS } from 'kysely';
import { readServerSettings } from '../config/server-settings.js';
import { migrateToLatest } from '../db/migrate.js';
import { MIGRATIONS } from '../db/migrations/index.js';
import { openDatabase } from '../db/open-database.js';
import { seedDemoData } from '../db/seed/index.js';

const USAGE = `Usage: npm run db -- <command>
  migrate   bring the schema to the latest migration
  seed      add the demo data (idempotent; password demo1234 for every demo account)
  reset     undo every migration, migrate again and seed: ALL DATA IS LOST
Uses DATABASE_URL when set, otherwise the embedded database in \${DATA_DIR:-./data}/db.`;

/** `npm run db -- …`: the database chores, against the same database the server would use. */
async function main(command: string | undefined): Promise<number> {
  if (command !== 'migrate' && command !== 'seed' && command !== 'reset') {
    console.error(USAGE);
    return command === undefined || command === '--help' ? 0 : 1;
  }
  const settings = await readServerSettings(process.env, process.cwd());
  const database = await openDatabase({ url: settings.databaseUrl, dataDir: path.join(settings.dataDir, 'db') });
  const where = database.dialect === 'pglite' ? `embedded database in ${settings.dataDir}` : 'PostgreSQL server';
  try {
    if (command === 'reset') {
      const migrator = new Migrator({ db: database.db, provider: { getMigrations: async () => ({ ...MIGRATIONS }) } });
      const result = await migrator.migrateTo(NO_MIGRATIONS);
      if (result.error) throw result.error;
      console.log(`Dropped every table (${where}).`);
    }
    const ran = await migrateToLatest(database.db);
    console.log(ran.length > 0 ? `Migrated: ${ran.join(', ')}` : `The schema is up to date (${where}).`);
    if (command === 'seed' || command === 'reset') {
      const seeded = await seedDemoData(database.db);
      console.log(
        `Demo data: ${seeded.associations} associations, ${seeded.members} members, ${seeded.accounts} accounts added ` +
          '(password demo1234: member 123456, office otaru-office, staff staff).',
      );
    }
    return 0;
  } finally {
    await database.close();
  }
}

main(process.argv[2]).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
