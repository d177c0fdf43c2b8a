import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { hashPassword } from '../../../server/auth/password-hash.js';
import type { Database } from '../../../server/db/database.js';
import { migrateToLatest } from '../../../server/db/migrate.js';
import { MIGRATIONS } from '../../../server/db/migrations/index.js';
import { ASSOCIATIONS, DEMO_PASSWORD, MEMBERS, officeEmail, seedDemoData } from '../../../server/db/seed/index.js';

export interface DemoDatabase {
  readonly db: Kysely<Database>;
  close(): Promise<void>;
}

const PGLITE_PACKAGE = fileURLToPath(
  new URL('../../../node_modules/@electric-sql/pglite/package.json', import.meta.url),
);
const SNAPSHOTS = join(tmpdir(), 'mamis-demo-database');

/** A cheap scrypt cost: the demo accounts hash in milliseconds, and the format stays real. */
const cheapHash = (password: string) => hashPassword(password, { N: 1024, r: 8, p: 1 });

/**
 * An in-memory PGlite database, migrated and seeded with the demo data. Starting PostgreSQL in
 * WebAssembly costs its initdb (seconds of CPU) every time, so the first suite of a run saves the
 * seeded data folder as a snapshot and the others start from it: the same database, in a
 * quarter of the time. The snapshot's name is a hash of the migrations and the seed.
 */
export async function openDemoDatabase(): Promise<DemoDatabase> {
  const file = join(SNAPSHOTS, `${await inputsHash()}.tar.gz`);
  const snapshot = await readFile(file).catch(() => undefined);
  if (snapshot) {
    const database = open(await createPglite(new Blob([snapshot])));
    await migrateToLatest(database.db); // nothing to do, unless the snapshot is out of step: then it says so
    return database;
  }
  const pglite = await createPglite(undefined);
  const database = open(pglite);
  await migrateToLatest(database.db);
  await seedDemoData(database.db, { hashPassword: cheapHash });
  await saveSnapshot(file, await pglite.dumpDataDir('gzip'));
  return database;
}

/** PGlite as the server's `openDatabase` configures it: dates as `YYYY-MM-DD`, int8 as strings. */
function createPglite(loadDataDir: Blob | undefined): Promise<PGlite> {
  return PGlite.create('memory://', {
    parsers: {
      [pgliteTypes.DATE]: (value: string) => value,
      [pgliteTypes.INT8]: (value: string) => value,
    },
    ...(loadDataDir ? { loadDataDir } : {}),
  });
}

function open(pglite: PGlite): DemoDatabase {
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return { db, close: () => db.destroy() };
}

/**
 * What the snapshot is made of, taken from the code this process loaded (not the files on disk,
 * which may have changed since): PGlite's version, each migration, the seed and its data.
 */
async function inputsHash(): Promise<string> {
  const { version } = JSON.parse(await readFile(PGLITE_PACKAGE, 'utf8')) as { version: string };
  const hash = createHash('sha256').update(version).update(createPglite.toString());
  for (const [name, migration] of Object.entries(MIGRATIONS)) hash.update(name).update(migration.up.toString());
  for (const part of [seedDemoData.toString(), officeEmail.toString(), DEMO_PASSWORD, cheapHash.toString()]) {
    hash.update(part);
  }
  hash.update(JSON.stringify(ASSOCIATIONS)).update(JSON.stringify(MEMBERS));
  return hash.digest('hex').slice(0, 16);
}

/** Written under a name of its own, then renamed: suites starting together never read half a file. */
async function saveSnapshot(file: string, snapshot: Blob): Promise<void> {
  await mkdir(SNAPSHOTS, { recursive: true });
  // Snapshots of older migrations or seeds are of no more use.
  for (const name of await readdir(SNAPSHOTS)) {
    if (name.endsWith('.tar.gz') && !file.endsWith(name)) await rm(join(SNAPSHOTS, name), { force: true });
  }
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, new Uint8Array(await snapshot.arrayBuffer()));
  await rename(temporary, file);
}
