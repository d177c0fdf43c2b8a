import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../../server/db/migrate.js';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../../support/test-databases.js';

for (const dialect of TEST_DIALECTS) {
  describe(`migrations on ${dialect}`, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase(dialect);
    });
    afterAll(async () => {
      await database.dispose();
    });

    it('creates every table and is a no-op when run again', async () => {
      const tables = await sql<{
        tablename: string;
      }>`select tablename from pg_tables where schemaname = 'public' order by tablename`.execute(database.db);
      expect(tables.rows.map((row) => row.tablename)).toEqual(
        expect.arrayContaining(['applications', 'application_targets', 'application_events', 'mail_outbox', 'drafts']),
      );
      expect(await migrateToLatest(database.db)).toEqual([]);
    });

    it('returns dates as YYYY-MM-DD strings and bigint ids as strings on both drivers', async () => {
      const result = await sql<{
        day: unknown;
        big: unknown;
      }>`select date '2024-10-31' as day, 9007199254740993::int8 as big`.execute(database.db);
      expect(result.rows[0]).toEqual({ day: '2024-10-31', big: '9007199254740993' });
    });
  });
}
