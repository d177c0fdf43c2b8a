import type { Kysely } from 'kysely';
import postgres from 'postgres';
import type { Database } from '../../../server/db/database.js';
import { migrateToLatest } from '../../../server/db/migrate.js';
import { openDatabase } from '../../../server/db/open-database.js';
import { seedDemoData } from '../../../server/db/seed/index.js';
import { addBenchMembers } from './bench-data.js';
import { settleAfterLoad } from './settle-after-load.js';

/** The PostgreSQL server the bench creates its database on (the tests' default). */
export const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchServerDatabase {
  readonly name: string;
  readonly url: string;
  readonly db: Kysely<Database>;
  /** Closes the bench's own pool and drops the database. */
  drop(): Promise<void>;
}

/** A fresh database on the PostgreSQL server, migrated and seeded, with `members` bench members. */
export async function createServerDatabase(members: number): Promise<BenchServerDatabase> {
  const name = `mamis_bench_${process.pid}`;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  const url = withDatabase(ADMIN_URL, name);
  const { db, close } = await openDatabase({ url });
  await fill(db, members);
  // The members' load would otherwise be vacuumed and checkpointed during the first measurement.
  await settleAfterLoad(db);
  return {
    name,
    url,
    db,
    async drop() {
      await close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** A PGlite data folder, migrated and seeded, with `members` bench members; closed again. */
export async function prepareEmbeddedDatabase(dataDir: string, members: number): Promise<void> {
  const { db, close } = await openDatabase({ dataDir });
  try {
    await fill(db, members);
  } finally {
    await close();
  }
}

async function fill(db: Kysely<Database>, members: number): Promise<void> {
  await migrateToLatest(db);
  await seedDemoData(db);
  for (let from = 1; from <= members; from += 20_000) {
    await addBenchMembers(db, from, Math.min(members, from + 19_999));
  }
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}
