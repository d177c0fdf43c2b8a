import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../server/db/open-database.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-databases.js';

describe('statements on the PostgreSQL server are prepared once per connection', () => {
  let database: TestDatabase;
  let handle: Awaited<ReturnType<typeof openDatabase>>;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    // One connection, so that pg_prepared_statements below is the session that ran the queries.
    handle = await openDatabase({ url: database.url!, poolSize: 1 });
  });
  afterAll(async () => {
    await handle?.close();
    await database?.dispose();
  });

  it('names each statement text, reuses it with new parameters, and answers correctly', async () => {
    const { db } = handle;
    await db
      .insertInto('associations')
      .values([
        {
          id: 'a',
          name: 'A医師会',
          name_en: 'A',
          layer: 1,
          parent_id: null,
          office_email: 'a@example.jp',
          sort_order: 0,
        },
        {
          id: 'b',
          name: 'B医師会',
          name_en: 'B',
          layer: 1,
          parent_id: null,
          office_email: 'b@example.jp',
          sort_order: 1,
        },
      ])
      .execute();
    const byId = (id: string) =>
      db.selectFrom('associations').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
    expect(await byId('a')).toEqual({ id: 'a', name: 'A医師会' });
    expect(await byId('b')).toEqual({ id: 'b', name: 'B医師会' });
    expect(await byId('c')).toBeUndefined();

    const prepared = await sql<{ name: string; statement: string; calls: string }>`
      select name, statement, generic_plans + custom_plans as calls from pg_prepared_statements`.execute(db);
    const lookup = prepared.rows.filter((row) => row.statement.includes('from "associations" where "id" = $1'));
    // One statement for the three lookups: parsed once, executed three times.
    expect(lookup).toHaveLength(1);
    expect(lookup[0]!.name).toMatch(/^k\d+$/);
    expect(Number(lookup[0]!.calls)).toBe(3);
  });

  it('leaves a failing statement unprepared, so the next one on the connection still works', async () => {
    const { db } = handle;
    await expect(sql`select * from no_such_table`.execute(db)).rejects.toThrow(/no_such_table/);
    const count = await db
      .selectFrom('associations')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirst();
    expect(Number(count?.n)).toBe(2);
  });
});
