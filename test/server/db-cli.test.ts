import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/open-database.js';
import { runCli } from '../support/run-cli.js';

describe('npm run db -- migrate | seed | reset, on the embedded database of DATA_DIR', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'mamis-db-cli-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  /** The CLI as `npm run db -- <command>` runs it, on this test's data folder. */
  function db(command: string) {
    return runCli('server/cli/db-cli.ts', [command], { DATA_DIR: dataDir, DATABASE_URL: '' });
  }

  async function counts(): Promise<{ associations: number; applications: number }> {
    const { db, close } = await openDatabase({ dataDir: path.join(dataDir, 'db') });
    try {
      const associations = await db
        .selectFrom('associations')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      const applications = await db
        .selectFrom('applications')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      return { associations: Number(associations.n), applications: Number(applications.n) };
    } finally {
      await close();
    }
  }

  it('migrate creates the schema, then says it is up to date', { timeout: 60_000 }, async () => {
    const first = await db('migrate');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Migrated: 001-initial, .*004-append-only-events/);
    const again = await db('migrate');
    expect(again.stdout).toMatch(/The schema is up to date \(embedded database in /);
    expect(await counts()).toEqual({ associations: 0, applications: 0 });
  });

  it('seed adds the demo data once, however often it runs', { timeout: 60_000 }, async () => {
    const seeded = await db('seed');
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toMatch(/Demo data: \d+ associations, \d+ members, \d+ accounts added/);
    const { associations } = await counts();
    expect(associations).toBeGreaterThan(47);
    const again = await db('seed');
    expect(again.stdout).toMatch(/Demo data: 0 associations, 0 members, 0 accounts added/);
    expect((await counts()).associations).toBe(associations);
  });

  it('reset drops everything, migrates and seeds again', { timeout: 60_000 }, async () => {
    const { db: handle, close } = await openDatabase({ dataDir: path.join(dataDir, 'db') });
    await handle
      .insertInto('form_versions')
      .values({ form_id: 'withdrawal', version: 1, hash: 'h', definition: '{}' })
      .execute();
    await close();
    const reset = await db('reset');
    expect(reset.code).toBe(0);
    expect(reset.stdout).toMatch(
      /Dropped every table[\s\S]*Migrated: 001-initial[\s\S]*Demo data: [1-9]\d* associations/,
    );
    const { db: after, close: closeAfter } = await openDatabase({ dataDir: path.join(dataDir, 'db') });
    try {
      expect(await after.selectFrom('form_versions').selectAll().execute()).toEqual([]);
    } finally {
      await closeAfter();
    }
  });

  it('an unknown command prints the usage and fails', { timeout: 60_000 }, async () => {
    const wrong = await db('drop-everything');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/Usage: npm run db -- <command>/);
  });
});
