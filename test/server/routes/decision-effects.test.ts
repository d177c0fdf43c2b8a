import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '../../support/test-databases.js';
import { type ApiClient, signedIn } from '../support/api-client.js';
import { manualWithdrawal, otaruToSapporoTransfer, resetToDemoData, sapporoEnrollment } from '../support/fixtures.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

for (const dialect of TEST_DIALECTS) {
  describe(`what approvals do to the membership history, on ${dialect}`, () => {
    let t: TestApp;
    const offices: Record<string, ApiClient> = {};
    beforeAll(async () => {
      t = await createTestApp(dialect);
      for (const login of ['otaru-office', 'sapporo-office', 'hokkaido-office', 'jma-office']) {
        offices[login] = await signedIn(t.app, login);
      }
    });
    afterAll(async () => {
      await t.dispose();
    });
    beforeEach(async () => {
      await resetToDemoData(t.database.db);
    });

    const file = async (login: string, form: string, body: unknown) => {
      const member = await signedIn(t.app, login);
      const response = await member.post(`/api/forms/${form}/submissions`, body);
      expect(response.status).toBe(201);
      return { member, id: response.body.application.id as string };
    };
    const decide = async (office: string, id: string, decision: string, comment?: string) => {
      const response = await offices[office]!.post(`/api/office/applications/${id}/decision`, { decision, comment });
      expect(response.status).toBe(200);
      return response.body.application;
    };
    const memberships = (memberId: string) =>
      t.database.db
        .selectFrom('memberships')
        .innerJoin('groups', 'groups.id', 'memberships.group_id')
        .select([
          'memberships.association_id',
          'memberships.started_on',
          'memberships.ended_on',
          'memberships.start_application_id',
          'memberships.end_application_id',
          'groups.facility_name',
          'groups.id as group_id',
        ])
        .where('memberships.member_id', '=', memberId)
        .orderBy('memberships.started_on')
        .orderBy('memberships.association_id')
        .execute();

    it('ends each membership on the requested date as each association approves a withdrawal', async () => {
      const { member, id } = await file('123456', 'withdrawal', manualWithdrawal());
      const afterOtaru = await decide('otaru-office', id, 'approve');
      expect(afterOtaru.status).toBe('open');
      const otaru = (await memberships('member-123456')).find((row) => row.association_id === 'city-otaru');
      expect(otaru).toMatchObject({ ended_on: '2026-12-31', end_application_id: id });
      await decide('hokkaido-office', id, 'review');
      await decide('hokkaido-office', id, 'approve');
      const last = await decide('jma-office', id, 'approve');
      expect(last.status).toBe('complete');
      expect(last.editable).toBe(false);
      const ended = (await memberships('member-123456')).filter((row) => row.end_application_id === id);
      expect(ended.map((row) => [row.association_id, row.ended_on])).toEqual([
        ['city-otaru', '2026-12-31'],
        ['jma', '2026-12-31'],
        ['pref-01', '2026-12-31'],
      ]);
      const history = (await member.get('/api/me/history')).body.history;
      expect(history.find((entry: { associationId: string }) => entry.associationId === 'jma').endedOn).toBe(
        '2026-12-31',
      );
      // The group can no longer be chosen; the member stays a 日本医師会 member until the date.
      const groups = (await member.get('/api/forms/withdrawal')).body.sources['member.groups'];
      expect(groups.map((group: { id: string }) => group.id)).toEqual(['group-123456-chiyoda']);
      expect((await member.get('/api/me')).body.member.seniority.label.ja).toBe('20年以上');
    });

    it('completes an application once every target is approved or returned, ending only the approved', async () => {
      const { id } = await file('123456', 'withdrawal', manualWithdrawal());
      await decide('otaru-office', id, 'approve');
      expect((await decide('hokkaido-office', id, 'return', '先に市医師会と相談してください')).status).toBe('open');
      const done = await decide('jma-office', id, 'approve');
      expect(done.status).toBe('complete');
      const rows = await memberships('member-123456');
      expect(rows.find((row) => row.association_id === 'pref-01')?.ended_on).toBeNull();
      expect(rows.find((row) => row.association_id === 'jma')?.ended_on).toBe('2026-12-31');
    });

    it('starts memberships in one new group with the facility when an enrollment is approved', async () => {
      const { member, id } = await file('567890', 'enrollment', sapporoEnrollment());
      await decide('sapporo-office', id, 'approve');
      await decide('hokkaido-office', id, 'approve');
      const done = await decide('jma-office', id, 'approve');
      expect(done.status).toBe('complete');
      const rows = await memberships('member-567890');
      expect(rows.map((row) => [row.association_id, row.started_on, row.ended_on, row.start_application_id])).toEqual([
        ['city-sapporo', '2027-04-01', null, id],
        ['jma', '2027-04-01', null, id],
        ['pref-01', '2027-04-01', null, id],
      ]);
      expect(new Set(rows.map((row) => row.group_id)).size).toBe(1);
      expect(rows[0]!.facility_name).toBe('札幌中央クリニック');
      const groups = (await member.get('/api/forms/withdrawal')).body.sources['member.groups'];
      expect(groups).toEqual([
        {
          id: rows[0]!.group_id,
          facility: { ja: '札幌中央クリニック', en: '札幌中央クリニック' },
          associations: [
            expect.objectContaining({ id: 'city-sapporo', layer: 3 }),
            expect.objectContaining({ id: 'pref-01', layer: 2 }),
            expect.objectContaining({ id: 'jma', layer: 1 }),
          ],
        },
      ]);
    });

    it('ends the old membership and starts the new one when a transfer is approved', async () => {
      const { id } = await file('123456', 'transfer', otaruToSapporoTransfer());
      const application = (await offices['otaru-office']!.get(`/api/office/applications/${id}`)).body.application;
      expect(
        application.targets.map((target: { associationId: string; role: string }) => [
          target.associationId,
          target.role,
        ]),
      ).toEqual([
        ['city-otaru', 'leave'],
        ['city-sapporo', 'join'],
      ]);
      await decide('otaru-office', id, 'approve');
      const done = await decide('sapporo-office', id, 'approve');
      expect(done.status).toBe('complete');
      const rows = await memberships('member-123456');
      expect(rows.find((row) => row.association_id === 'city-otaru')).toMatchObject({
        ended_on: '2027-01-15',
        end_application_id: id,
      });
      expect(rows.find((row) => row.start_application_id === id)).toMatchObject({
        association_id: 'city-sapporo',
        started_on: '2027-01-15',
        ended_on: null,
        facility_name: '札幌すずらん皮膚科',
      });
      // 北海道医師会 and 日本医師会 in the old group are untouched.
      expect(
        rows
          .filter((row) => row.group_id === 'group-123456-aoyagi' && row.ended_on === null)
          .map((row) => row.association_id)
          .sort(),
      ).toEqual(['jma', 'pref-01']);
    });

    it('stays open while one association is still reviewing', async () => {
      const { id } = await file('123456', 'withdrawal', manualWithdrawal());
      await decide('otaru-office', id, 'approve');
      await decide('hokkaido-office', id, 'approve');
      const reviewing = await decide('jma-office', id, 'review');
      expect(reviewing.status).toBe('open');
      expect(reviewing.targets.map((target: { statusLabel: { ja: string } }) => target.statusLabel.ja)).toEqual([
        '承認',
        '承認',
        '申請中',
      ]);
    });
  });
}
