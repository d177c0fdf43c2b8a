import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../../support/test-databases.js';

for (const dialect of TEST_DIALECTS) {
  describe(`json columns on ${dialect}`, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase(dialect);
      await sql`create table probe (id int primary key, doc jsonb not null, text_doc json not null)`.execute(
        database.db,
      );
    });
    afterAll(async () => {
      await database.dispose();
    });

    // Regression: postgres.js serialised the JSON text Kysely hands it a second time, so a jsonb
    // column held the JSON *string* "{\"zeta\":1}" instead of the object.
    it('stores the JSON text the store writes as an object, and reads it back as one', async () => {
      const text = JSON.stringify({ zeta: 1, alpha: [true, null] });
      await sql`insert into probe (id, doc, text_doc) values (1, ${text}, ${text})`.execute(database.db);
      const result = await sql<{ kind: string; text_kind: string; doc: unknown; text_doc: unknown }>`
        select jsonb_typeof(doc) as kind, json_typeof(text_doc) as text_kind, doc, text_doc from probe where id = 1`.execute(
        database.db,
      );
      expect(result.rows[0]).toEqual({
        kind: 'object',
        text_kind: 'object',
        doc: { zeta: 1, alpha: [true, null] },
        text_doc: { zeta: 1, alpha: [true, null] },
      });
    });
  });
}
