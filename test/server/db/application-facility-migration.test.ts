import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../server/db/database.js';
import { applicationFacility } from '../../../server/db/migrations/005-application-facility.js';
import { TEST_DIALECTS } from '../../support/test-databases.js';
import { signedIn } from '../support/api-client.js';
import { otaruToSapporoTransfer, sapporoEnrollment } from '../support/fixtures.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

for (const dialect of TEST_DIALECTS) {
  describe(`migration 005 on ${dialect}: the facility of applications stored before it`, () => {
    let t: TestApp;
    let db: Kysely<Database>;
    beforeAll(async () => {
      t = await createTestApp(dialect);
      db = t.database.db;
      const taro = await signedIn(t.app, '123456');
      const jiro = await signedIn(t.app, '567890');
      expect((await taro.post('/api/forms/transfer/submissions', otaruToSapporoTransfer())).status).toBe(201);
      expect((await jiro.post('/api/forms/enrollment/submissions', sapporoEnrollment())).status).toBe(201);
    });
    afterAll(async () => {
      await t.dispose();
    });

    it('fills each from the rule the server now applies when it writes one', async () => {
      const written = await facilities(db);
      // An application with no facility at all: no targets row, no typed facility.
      await db
        .insertInto('applications')
        .values({
          id: 'no-facility',
          form_id: 'enrollment',
          form_version: 1,
          member_id: 'member-123456',
          group_key: 'no-facility',
          data: JSON.stringify({ facilityName: '' }),
          confirm_view: JSON.stringify({ sections: [{ rows: [{ kind: 'value' }] }] }),
          facility: null,
          status: 'withdrawn',
        })
        .execute();
      await applicationFacility.down?.(db);
      await applicationFacility.up(db);
      expect(await facilities(db)).toEqual({ ...written, 'no-facility': null });
      expect(Object.values(written)).toEqual(
        expect.arrayContaining([
          // The transfer's group (the confirm view's targets row) wins over the new facility typed in.
          { ja: '医療法人社団 青柳皮膚科医院', en: expect.any(String) },
          // The enrollment has only the facility typed in.
          { ja: '札幌中央クリニック', en: '札幌中央クリニック' },
        ]),
      );
    });
  });
}

async function facilities(db: Kysely<Database>): Promise<Record<string, unknown>> {
  const rows = await db
    .selectFrom('applications')
    .select(['id', sql<unknown>`facility`.as('facility')])
    .orderBy('id')
    .execute();
  return Object.fromEntries(rows.map((row) => [row.id, row.facility]));
}
