import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../server/db/database.js';
import { ReusableQuery } from '../../../server/db/reusable-query.js';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../../support/test-databases.js';

const ASSOCIATIONS = [
  { id: 'jma', name: '日本医師会', name_en: 'JMA', layer: 1, parent_id: null, sort_order: 0 },
  { id: 'pref-01', name: '北海道医師会', name_en: 'Hokkaido', layer: 2, parent_id: 'jma', sort_order: 1 },
  { id: 'city-otaru', name: '小樽市医師会', name_en: 'Otaru', layer: 3, parent_id: 'pref-01', sort_order: 2 },
  { id: 'city-sapporo', name: '札幌市医師会', name_en: 'Sapporo', layer: 3, parent_id: 'pref-01', sort_order: 3 },
].map((association) => ({ ...association, office_email: `${association.id}@example.jp` }));

interface Values {
  readonly layer: number;
  readonly parentId: string | null;
}

/** Associations of a layer, optionally under a parent: the parent filter is the shape. */
const BY_LAYER = new ReusableQuery('associations by layer', (db, values: Values, shape: { parent: boolean }) => {
  let query = db.selectFrom('associations').select('id').where('layer', '=', values.layer);
  if (shape.parent) query = query.where('parent_id', '=', values.parentId!);
  return query.orderBy('sort_order');
});

const ids = (rows: readonly { id: string }[]) => rows.map((row) => row.id);

describe.each(TEST_DIALECTS)('a reusable query (%s)', (dialect) => {
  let database: TestDatabase;
  let db: Kysely<Database>;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    db = database.db;
    await db.insertInto('associations').values(ASSOCIATIONS).execute();
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it('answers each call with its own values, from one SQL text per shape', async () => {
    expect(ids(await BY_LAYER.execute(db, { layer: 3, parentId: null }, { parent: false }))).toEqual([
      'city-otaru',
      'city-sapporo',
    ]);
    expect(ids(await BY_LAYER.execute(db, { layer: 1, parentId: null }, { parent: false }))).toEqual(['jma']);
    expect(ids(await BY_LAYER.execute(db, { layer: 3, parentId: 'pref-01' }, { parent: true }))).toEqual([
      'city-otaru',
      'city-sapporo',
    ]);
    expect(await BY_LAYER.executeTakeFirst(db, { layer: 3, parentId: 'jma' }, { parent: true })).toBeUndefined();

    const first = BY_LAYER.compiled(db, { layer: 2, parentId: null }, { parent: false });
    const second = BY_LAYER.compiled(db, { layer: 3, parentId: null }, { parent: false });
    const filtered = BY_LAYER.compiled(db, { layer: 3, parentId: 'pref-01' }, { parent: true });
    expect(second.sql).toBe(first.sql);
    expect(first.parameters).toEqual([2]);
    expect(second.parameters).toEqual([3]);
    expect(filtered.sql).not.toBe(first.sql);
    expect(filtered.parameters).toEqual([3, 'pref-01']);
    // The same SQL Kysely builds for the same query the ordinary way.
    const direct = db
      .selectFrom('associations')
      .select('id')
      .where('layer', '=', 3)
      .where('parent_id', '=', 'pref-01')
      .orderBy('sort_order')
      .compile();
    expect(filtered.sql).toBe(direct.sql);
  });

  it('keeps the constants the build writes, and runs inside a transaction', async () => {
    const members = new ReusableQuery('layer members', (db, values: { id: string }) =>
      db.selectFrom('associations').select(['id', 'name']).where('id', '=', values.id).where('layer', '=', 3),
    );
    const inTransaction = await db.transaction().execute((trx) => members.execute(trx, { id: 'city-otaru' }));
    expect(inTransaction).toEqual([{ id: 'city-otaru', name: '小樽市医師会' }]);
    expect(await members.execute(db, { id: 'jma' })).toEqual([]);
    expect(members.compiled(db, { id: 'jma' }).parameters).toEqual(['jma', 3]);
  });

  it('writes a list of rows, one SQL text per length', async () => {
    interface Row {
      readonly id: string;
      readonly name: string;
    }
    const insertGroups = new ReusableQuery(
      'insert groups',
      (db, values: { memberId: string; rows: readonly Row[] }, shape: { rows: number }) =>
        db
          .insertInto('groups')
          .values(
            Array.from({ length: shape.rows }, (_, index) => ({
              id: values.rows[index]!.id,
              member_id: values.memberId,
              facility_name: values.rows[index]!.name,
              facility_name_en: '',
            })),
          )
          .returning('id'),
    );
    await db
      .insertInto('members')
      .values({
        id: 'm1',
        registration_number: '100001',
        name: '日医 一郎',
        name_kana: 'にちい いちろう',
        birth_date: '1970-04-01',
        email: 'm1@example.jp',
        locale: 'ja',
      })
      .execute();
    const two = [
      { id: 'g1', name: '小樽クリニック' },
      { id: 'g2', name: '札幌クリニック' },
    ];
    expect(ids(await insertGroups.execute(db, { memberId: 'm1', rows: two }, { rows: 2 }))).toEqual(['g1', 'g2']);
    expect(
      ids(await insertGroups.execute(db, { memberId: 'm1', rows: [{ id: 'g3', name: '函館医院' }] }, { rows: 1 })),
    ).toEqual(['g3']);
    const stored = await db.selectFrom('groups').select(['id', 'facility_name']).orderBy('id').execute();
    expect(stored).toEqual([
      { id: 'g1', facility_name: '小樽クリニック' },
      { id: 'g2', facility_name: '札幌クリニック' },
      { id: 'g3', facility_name: '函館医院' },
    ]);
    // A list shorter than its shape says is refused before anything is sent.
    expect(() => insertGroups.compiled(db, { memberId: 'm1', rows: [{ id: 'g4', name: '' }] }, { rows: 2 })).toThrow(
      'insert groups: no value for "rows.1.id"',
    );
  });

  it('refuses a build that reads a value, or leaves one out of the query', () => {
    const raw = new ReusableQuery('raw layer', (db, values: { layer: number }) =>
      db
        .selectFrom('associations')
        .select('id')
        .where(sql<boolean>`layer = ${sql.raw(String(values.layer))}`),
    );
    expect(() => raw.compiled(db, { layer: 1 })).toThrow('raw layer: "layer" was read while the query was built');
    const branching = new ReusableQuery('branching', (db, values: { parentId: string | null }) =>
      values.parentId ? db.selectFrom('associations').select('id') : db.selectFrom('groups').select('id'),
    );
    expect(() => branching.compiled(db, { parentId: null })).toThrow(
      'branching: "parentId" is not passed to the query as a value',
    );
  });

  it('refuses a missing value instead of sending the stand-in', () => {
    expect(() => BY_LAYER.compiled(db, { layer: 3 } as unknown as Values, { parent: true })).toThrow(
      'associations by layer: no value for "parentId"',
    );
  });
});
