import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { principalOfSession } from '../../../server/auth/load-principal.js';
import { memberGroups } from '../../../server/sources/member-groups.js';
import { readSessionSubmitter, readSubmitter } from '../../../server/store/submitter.js';
import { TEST_DIALECTS } from '../../support/test-databases.js';
import { type ApiClient, signedIn } from '../support/api-client.js';
import { manualWithdrawal } from '../support/fixtures.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

for (const dialect of TEST_DIALECTS) {
  describe(`the submitter on ${dialect}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(dialect);
    });
    afterAll(async () => {
      await t.dispose();
    });

    it('gives the member.groups source exactly as memberGroups reads it, in one query', async () => {
      const submitter = await readSubmitter(t.database.db, 'member-123456');
      expect(submitter.groups).toEqual(await memberGroups(t.database.db, 'member-123456'));
      // Two current groups; the ended Sapporo membership is not one of them.
      expect(submitter.groups.map((group) => group.associations.map((association) => association.id))).toEqual([
        ['city-otaru', 'pref-01', 'jma'],
        ['city-chiyoda', 'pref-13'],
      ]);
    });

    it('names the member and each current association with its office, as the mail does', async () => {
      const submitter = await readSubmitter(t.database.db, 'member-456789');
      expect(submitter.member).toEqual({
        name: 'Emily Carter',
        registrationNumber: '456789',
        email: 'emily@example.org',
        locale: 'en',
      });
      expect([...submitter.associations.keys()].sort()).toEqual(['city-kobe', 'jma', 'pref-28']);
      const offices = await t.database.db
        .selectFrom('associations')
        .select(['id', 'name', 'name_en', 'layer', 'office_email'])
        .where('id', 'in', ['city-kobe', 'jma', 'pref-28'])
        .execute();
      for (const { id, ...office } of offices) expect(submitter.associations.get(id)).toEqual(office);
    });

    it('reads a member with no current membership, for an enrollment', async () => {
      const submitter = await readSubmitter(t.database.db, 'member-567890');
      expect(submitter.member.name).toBe('研修 次郎');
      expect(submitter.groups).toEqual([]);
      expect(submitter.associations.size).toBe(0);
    });

    it('names the application an Idempotency-Key of this member created, and no other', async () => {
      const taro = await signedIn(t.app, '123456');
      const headers = { 'Idempotency-Key': 'submitter-key' };
      const filed = await taro.post('/api/forms/withdrawal/submissions', manualWithdrawal(), { headers });
      expect(filed.status).toBe(201);
      const { db } = t.database;
      expect((await readSubmitter(db, 'member-123456', 'submitter-key')).keyApplicationId).toBe(
        filed.body.application.id,
      );
      expect((await readSubmitter(db, 'member-123456', 'another-key')).keyApplicationId).toBeUndefined();
      expect((await readSubmitter(db, 'member-123456')).keyApplicationId).toBeUndefined();
      // The same key from another member names nothing of theirs.
      expect((await readSubmitter(db, 'member-234567', 'submitter-key')).keyApplicationId).toBeUndefined();
    });

    it('refuses a member that does not exist', async () => {
      await expect(readSubmitter(t.database.db, 'member-none')).rejects.toThrow(/does not exist/);
    });

    it("reads a session's member and their submitter together, as the two apart would", async () => {
      const taro = await signedIn(t.app, '123456');
      const token = sessionToken(taro);
      const { db } = t.database;
      const found = await readSessionSubmitter(db, token, t.clock.now(), 'no-such-key');
      expect(found?.submitter).toEqual(await readSubmitter(db, 'member-123456', 'no-such-key'));
      expect(found?.principal).toEqual(await principalOfSession(db, t.clock, token));
      expect(found?.principal).toMatchObject({ role: 'member', memberId: 'member-123456', name: '日医 太郎' });
      // The key is looked up with it: 'submitter-key' filed taro's withdrawal in a test above.
      const keyed = await readSessionSubmitter(db, token, t.clock.now(), 'submitter-key');
      expect(keyed?.submitter.keyApplicationId).toBeDefined();
      expect(keyed?.submitter).toEqual(await readSubmitter(db, 'member-123456', 'submitter-key'));
    });

    it("finds nothing for an expired or unknown session, or an office's", async () => {
      const { db } = t.database;
      const token = sessionToken(await signedIn(t.app, '234567'));
      expect(await readSessionSubmitter(db, token, new Date(t.clock.now().getTime() + 13 * 3600_000))).toBeUndefined();
      expect(await readSessionSubmitter(db, `${token}x`, t.clock.now())).toBeUndefined();
      const office = sessionToken(await signedIn(t.app, 'otaru-office'));
      expect(await principalOfSession(db, t.clock, office)).toMatchObject({ role: 'office' });
      expect(await readSessionSubmitter(db, office, t.clock.now())).toBeUndefined();
    });
  });
}

/** The session token in a signed-in client's cookie. */
function sessionToken(client: ApiClient): string {
  const token = /^mamis_session=(.+)$/.exec(client.cookie ?? '')?.[1];
  if (!token) throw new Error('The client is not signed in');
  return token;
}
