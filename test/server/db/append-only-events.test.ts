import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../../server/db/seed/index.js';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../../support/test-databases.js';

for (const dialect of TEST_DIALECTS) {
  describe(`the event log on ${dialect} is append-only`, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase(dialect);
      await seedDemoData(database.db, { hashPassword: async () => 'test-hash' });
      // A published version for the application's foreign key, then the application.
      await database.db
        .insertInto('form_versions')
        .values({ form_id: 'withdrawal', version: 1, hash: 'h', definition: '{}' })
        .execute();
      await database.db
        .insertInto('applications')
        .values({
          id: 'app-1',
          form_id: 'withdrawal',
          form_version: 1,
          member_id: 'member-123456',
          group_key: 'group-123456-aoyagi',
          data: '{}',
          confirm_view: '{}',
          status: 'open',
        })
        .execute();
      await database.db
        .insertInto('application_events')
        .values({ application_id: 'app-1', actor_account_id: 'account-123456', type: 'submitted', detail: '{}' })
        .execute();
    });
    afterAll(async () => {
      await database?.dispose();
    });

    it('takes new events', async () => {
      await database.db
        .insertInto('application_events')
        .values({ application_id: 'app-1', actor_account_id: 'account-otaru-office', type: 'in-review', detail: '{}' })
        .execute();
      const events = await database.db.selectFrom('application_events').select('type').orderBy('id').execute();
      expect(events.map((event) => event.type)).toEqual(['submitted', 'in-review']);
    });

    it('refuses to change or delete one, and the row stays as written', async () => {
      await expect(
        database.db.updateTable('application_events').set({ actor_account_id: 'someone-else' }).execute(),
      ).rejects.toThrow(/append-only: UPDATE refused/);
      await expect(database.db.deleteFrom('application_events').execute()).rejects.toThrow(
        /append-only: DELETE refused/,
      );
      const first = await database.db
        .selectFrom('application_events')
        .select(['actor_account_id', 'type'])
        .orderBy('id')
        .executeTakeFirstOrThrow();
      expect(first).toEqual({ actor_account_id: 'account-123456', type: 'submitted' });
    });

    it('can still be emptied as a whole by an operator (TRUNCATE)', async () => {
      await sql`truncate application_events`.execute(database.db);
      const count = await database.db
        .selectFrom('application_events')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(0);
    });
  });
}
