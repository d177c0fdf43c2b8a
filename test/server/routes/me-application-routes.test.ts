import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '../../support/test-databases.js';
import { ApiClient, signedIn } from '../support/api-client.js';
import { manualWithdrawal, resetToDemoData } from '../support/fixtures.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

for (const dialect of TEST_DIALECTS) {
  describe(`/api/me/applications on ${dialect}`, () => {
    let t: TestApp;
    let taro: ApiClient;
    let otaru: ApiClient;
    beforeAll(async () => {
      t = await createTestApp(dialect);
      otaru = await signedIn(t.app, 'otaru-office');
    });
    afterAll(async () => {
      await t.dispose();
    });
    beforeEach(async () => {
      await resetToDemoData(t.database.db);
      taro = await signedIn(t.app, '123456');
    });

    const file = async (overrides: Record<string, unknown> = {}) => {
      const response = await taro.post('/api/forms/withdrawal/submissions', manualWithdrawal(overrides));
      expect(response.status).toBe(201);
      return response.body.application as { id: string };
    };

    it('shows "no applications" as an empty list', async () => {
      expect((await taro.get('/api/me/applications')).body).toEqual({ applications: [] });
    });

    it('lists the applications newest first with one status per association', async () => {
      const first = await file();
      t.clock.advance(60_000);
      const second = await file({
        withdrawFrom: { groupId: 'group-123456-chiyoda', associationIds: ['city-chiyoda'] },
      });
      const { body } = await taro.get('/api/me/applications');
      expect(body.applications.map((application: { id: string }) => application.id)).toEqual([second.id, first.id]);
      expect(
        body.applications[1].targets.map((target: { name: { ja: string }; statusLabel: { ja: string } }) => [
          target.name.ja,
          target.statusLabel.ja,
        ]),
      ).toEqual([
        ['小樽市医師会', '申請'],
        ['北海道医師会', '申請'],
        ['日本医師会', '申請'],
      ]);
    });

    it("never shows one member another member's applications", async () => {
      const application = await file();
      const hanako = await signedIn(t.app, '234567');
      expect((await hanako.get('/api/me/applications')).body.applications).toEqual([]);
      const response = await hanako.get(`/api/me/applications/${application.id}`);
      expect(response.status).toBe(404);
      expect(response.body.error).toEqual({ code: 'not_found', message: '指定されたデータが見つかりません' });
      expect((await hanako.patch(`/api/me/applications/${application.id}`, { data: {} })).status).toBe(404);
      expect((await hanako.delete(`/api/me/applications/${application.id}`)).status).toBe(404);
      expect((await taro.get(`/api/me/applications/${application.id}`)).body.application.status).toBe('open');
    });

    it('edits (修正) an application, re-validating it and logging the previous data', async () => {
      const application = await file();
      t.clock.advance(60_000);
      const response = await taro.patch(`/api/me/applications/${application.id}`, {
        data: { ...manualWithdrawal().data, withdrawalDate: '2027/01/31', reason: 'other', reasonOther: '転居のため' },
      });
      expect(response.status).toBe(200);
      expect(response.body.application.data).toMatchObject({ withdrawalDate: '2027-01-31', reasonOther: '転居のため' });
      expect(response.body.application.updatedAt).not.toBe(response.body.application.createdAt);
      const events = await t.database.db
        .selectFrom('application_events')
        .select(['type', 'detail'])
        .where('application_id', '=', application.id)
        .orderBy('id')
        .execute();
      expect(events.map((event) => event.type)).toEqual(['submitted', 'edited']);
      expect(events[1]!.detail).toMatchObject({
        previous: { withdrawalDate: '2026-12-31' },
        data: { withdrawalDate: '2027-01-31' },
      });
      expect(t.mailer.calls.at(-1)?.event).toBe('edited');
    });

    it('refuses an edit that breaks the rules with 422 and keeps the data', async () => {
      const application = await file();
      const response = await taro.patch(`/api/me/applications/${application.id}`, {
        data: { ...manualWithdrawal().data, reason: 'other' },
      });
      expect(response.status).toBe(422);
      expect(response.body.error.fields[0]).toEqual({
        pointer: '/reasonOther',
        message: expect.stringContaining('その他の退会事由'),
      });
      expect((await taro.get(`/api/me/applications/${application.id}`)).body.application.data.reason).toBe(
        'retirement',
      );
    });

    it('puts a returned target back to 申請 when the member edits', async () => {
      const application = await file();
      await otaru.post(`/api/office/applications/${application.id}/decision`, {
        decision: 'return',
        comment: '退会理由をご記入ください',
      });
      const edited = await taro.patch(`/api/me/applications/${application.id}`, {
        data: { ...manualWithdrawal().data, reason: 'other', reasonOther: '開業医を引退' },
      });
      expect(edited.status).toBe(200);
      expect(edited.body.application.targets.map((target: { status: string }) => target.status)).toEqual([
        'submitted',
        'submitted',
        'submitted',
      ]);
    });

    it('refuses 修正 and 削除 once an association has started its review', async () => {
      const application = await file();
      await otaru.post(`/api/office/applications/${application.id}/decision`, { decision: 'review' });
      expect((await taro.get(`/api/me/applications/${application.id}`)).body.application.editable).toBe(false);
      const edit = await taro.patch(`/api/me/applications/${application.id}`, { data: manualWithdrawal().data });
      expect(edit.status).toBe(409);
      expect(edit.body.error.code).toBe('not_editable');
      expect((await taro.delete(`/api/me/applications/${application.id}`)).status).toBe(409);
    });

    it('withdraws (削除) an application: every target becomes 取下げ and the group is free again', async () => {
      const application = await file();
      const response = await taro.delete(`/api/me/applications/${application.id}`);
      expect(response.status).toBe(200);
      expect(response.body.application).toMatchObject({ status: 'withdrawn', editable: false });
      expect(
        response.body.application.targets.map((target: { statusLabel: { ja: string } }) => target.statusLabel.ja),
      ).toEqual(['取下げ', '取下げ', '取下げ']);
      expect(t.mailer.calls.at(-1)?.event).toBe('withdrawn');
      expect((await taro.post('/api/forms/withdrawal/submissions', manualWithdrawal())).status).toBe(201);
    });

    it('needs the CSRF token for 修正 and 削除', async () => {
      const application = await file();
      expect(
        (
          await taro.patch(
            `/api/me/applications/${application.id}`,
            { data: manualWithdrawal().data },
            { withoutCsrf: true },
          )
        ).status,
      ).toBe(403);
      expect((await taro.delete(`/api/me/applications/${application.id}`, { withoutCsrf: true })).status).toBe(403);
    });

    it('is 403 for offices and 401 for anonymous callers', async () => {
      expect((await otaru.get('/api/me/applications')).status).toBe(403);
      expect((await new ApiClient(t.app).get('/api/me/applications')).status).toBe(401);
    });
  });
}
