import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '../../support/test-databases.js';
import { ApiClient, signedIn } from '../support/api-client.js';
import { countRows, manualWithdrawal, resetToDemoData, sapporoEnrollment } from '../support/fixtures.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

for (const dialect of TEST_DIALECTS) {
  describe(`POST /api/forms/:id/submissions on ${dialect}`, () => {
    let t: TestApp;
    let taro: ApiClient;
    beforeAll(async () => {
      t = await createTestApp(dialect);
    });
    afterAll(async () => {
      await t.dispose();
    });
    beforeEach(async () => {
      // Every test starts from no applications; the demo data stays.
      await resetToDemoData(t.database.db);
      t.mailer.failWith = undefined;
      t.mailer.mailId = undefined;
      t.mailer.calls.length = 0;
      taro = await signedIn(t.app, '123456');
    });

    it("files the manual's withdrawal with one 申請 target per layer of the group", async () => {
      const response = await taro.post('/api/forms/withdrawal/submissions', manualWithdrawal());
      expect(response.status).toBe(201);
      const { application } = response.body;
      expect(application).toMatchObject({
        formId: 'withdrawal',
        formVersion: 1,
        formTitle: { ja: '退会届', en: 'Withdrawal' },
        status: 'open',
        editable: true,
        facility: { ja: '医療法人社団 青柳皮膚科医院' },
      });
      expect(application.targets.map((target: { associationId: string }) => target.associationId)).toEqual([
        'city-otaru',
        'pref-01',
        'jma',
      ]);
      for (const target of application.targets) {
        expect(target).toMatchObject({
          role: 'leave',
          status: 'submitted',
          statusLabel: { ja: '申請', en: 'Submitted' },
        });
      }
      expect(application.data.withdrawalDate).toBe('2026-12-31');
      expect(application.confirmView.sections[0].rows[0]).toMatchObject({
        kind: 'targets',
        label: { ja: '退会申請先' },
      });
    });

    it('stores the application, its targets, the submitted event and the mail in one go', async () => {
      const { body } = await taro.post('/api/forms/withdrawal/submissions', manualWithdrawal());
      expect(await countRows(t.database.db)).toEqual({ applications: 1, targets: 3, events: 1, outbox: 1 });
      const event = await t.database.db
        .selectFrom('application_events')
        .selectAll()
        .where('application_id', '=', body.application.id)
        .executeTakeFirstOrThrow();
      expect(event).toMatchObject({ type: 'submitted', actor_account_id: 'account-123456', association_id: null });
      expect(event.at.toISOString()).toBe('2026-11-25T01:00:00.000Z');
      expect(t.mailer.calls.map((call) => call.event)).toEqual(['submitted']);
      expect(t.mailer.calls[0]!.targets.map((target) => target.officeEmail)).toContain('office@otaru.example.jp');
    });

    it('answers 422 with Japanese field messages when required fields are missing', async () => {
      const response = await taro.post('/api/forms/withdrawal/submissions', {
        version: 1,
        data: { withdrawFrom: { groupId: 'group-123456-aoyagi', associationIds: ['city-otaru'] } },
      });
      expect(response.status).toBe(422);
      expect(response.body.error.code).toBe('validation_failed');
      expect(response.body.error.message).toBe('入力内容に誤りがあります。各項目をご確認ください');
      const byPointer = Object.fromEntries(
        response.body.error.fields.map((field: { pointer: string; message: string }) => [field.pointer, field.message]),
      );
      expect(byPointer['/withdrawalDate']).toContain('退会希望年月日');
      expect(byPointer['/reason']).toContain('退会事由');
      expect(await countRows(t.database.db)).toMatchObject({ applications: 0 });
    });

    it('answers in English when the request asks for it', async () => {
      const response = await taro.post(
        '/api/forms/withdrawal/submissions?lang=en',
        manualWithdrawal({ reason: undefined }),
      );
      expect(response.status).toBe(422);
      expect(response.body.error.message).toBe('Some entries need correcting. Please check each field');
      expect(response.body.error.fields[0]).toMatchObject({ pointer: '/reason' });
      expect(response.body.error.fields[0].message).toMatch(/reason for withdrawal/i);
    });

    it('answers a member whose stored locale is English in English, whatever the browser says', async () => {
      const emily = await signedIn(t.app, '456789');
      const response = await emily.post(
        '/api/forms/withdrawal/submissions',
        manualWithdrawal({
          withdrawFrom: { groupId: 'group-456789-kobe', associationIds: ['city-kobe'] },
          withdrawalDate: '2026/11/01',
        }),
        { headers: { 'Accept-Language': 'ja' } },
      );
      expect(response.status).toBe(422);
      expect(response.body.error.fields[0].pointer).toBe('/withdrawalDate');
      expect(response.body.error.fields[0].message).toMatch(/today/i);
    });

    it('refuses a group that belongs to another member (the one-group rule, checked on the server)', async () => {
      const response = await taro.post(
        '/api/forms/withdrawal/submissions',
        manualWithdrawal({ withdrawFrom: { groupId: 'group-234567-shinjuku', associationIds: ['city-shinjuku'] } }),
      );
      expect(response.status).toBe(422);
      expect(response.body.error.fields[0].pointer).toBe('/withdrawFrom');
      expect(await countRows(t.database.db)).toMatchObject({ applications: 0 });
    });

    it('refuses associations from two groups in one application', async () => {
      const response = await taro.post(
        '/api/forms/withdrawal/submissions',
        manualWithdrawal({
          withdrawFrom: { groupId: 'group-123456-aoyagi', associationIds: ['city-otaru', 'city-chiyoda'] },
        }),
      );
      expect(response.status).toBe(422);
      expect(response.body.error.fields[0].message).toContain('1回の申請で選択できるのは1つのグループのみです');
    });

    it('gives the same application for the same Idempotency-Key, creating it once', async () => {
      const headers = { 'Idempotency-Key': 'b1f0c2d4-retry' };
      const first = await taro.post('/api/forms/withdrawal/submissions', manualWithdrawal(), { headers });
      const second = await taro.post('/api/forms/withdrawal/submissions', manualWithdrawal(), { headers });
      expect(first.status).toBe(201);
      expect(second.status).toBe(200);
      expect(second.body.application.id).toBe(first.body.application.id);
      expect(await countRows(t.database.db)).toEqual({ applications: 1, targets: 3, events: 1, outbox: 1 });
    });

    it('answers a retry with the application its key created, even when the same data would now fail', async () => {
      const headers = { 'Idempotency-Key': 'retry-after-approval' };
      const first = await taro.post('/api/forms/withdrawal/submissions', manualWithdrawal(), { headers });
      expect(first.status).toBe(201);
      // As after the offices approved: the memberships have ended, so the groups offer nothing.
      await t.database.db
        .updateTable('memberships')
        .set({ ended_on: '2026-03-31', end_application_id: first.body.application.id })
        .where('member_id', '=', 'member-123456')
        .where('ended_on', 'is', null)
        .execute();
      const retry = await taro.post('/api/forms/withdrawal/submissions', manualWithdrawal(), { headers });
      expect(retry.status).toBe(200);
      expect(retry.body.application.id).toBe(first.body.application.id);
      const fresh = await taro.post('/api/forms/withdrawal/submissions', manualWithdrawal(), {
        headers: { 'Idempotency-Key': 'a-new-key' },
      });
      expect(fresh.status).toBe(422);
      expect(await countRows(t.database.db)).toMatchObject({ applications: 1 });
    });

    it('gives both of two simultaneous retries with one key the same application', async () => {
      const headers = { 'Idempotency-Key': 'double-click' };
      const [a, b] = await Promise.all([
        taro.post('/api/forms/withdrawal/submissions', manualWithdrawal(), { headers }),
        taro.post('/api/forms/withdrawal/submissions', manualWithdrawal(), { headers }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 201]);
      expect(a.body.application.id).toBe(b.body.application.id);
      expect(await countRows(t.database.db)).toEqual({ applications: 1, targets: 3, events: 1, outbox: 1 });
    });

    it('refuses a second open withdrawal for the same group with 409 open_application_exists', async () => {
      expect((await taro.post('/api/forms/withdrawal/submissions', manualWithdrawal())).status).toBe(201);
      const again = await taro.post('/api/forms/withdrawal/submissions', manualWithdrawal());
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('open_application_exists');
      expect(await countRows(t.database.db)).toMatchObject({ applications: 1 });
    });

    it('lets only one of two simultaneous submissions for a group through', async () => {
      const [a, b] = await Promise.all([
        taro.post('/api/forms/withdrawal/submissions', manualWithdrawal()),
        taro.post('/api/forms/withdrawal/submissions', manualWithdrawal()),
      ]);
      expect([a.status, b.status].sort()).toEqual([201, 409]);
      expect(await countRows(t.database.db)).toMatchObject({ applications: 1, targets: 3 });
    });

    it("accepts a withdrawal for the member's other group while the first is open", async () => {
      await taro.post('/api/forms/withdrawal/submissions', manualWithdrawal());
      const other = await taro.post(
        '/api/forms/withdrawal/submissions',
        manualWithdrawal({ withdrawFrom: { groupId: 'group-123456-chiyoda', associationIds: ['pref-13'] } }),
      );
      expect(other.status).toBe(201);
      // Upward cascade from 2層 in a group without 1層: only 東京都医師会.
      expect(other.body.application.targets.map((target: { associationId: string }) => target.associationId)).toEqual([
        'pref-13',
      ]);
    });

    it('refuses a form version that was never published with 409 form_version_outdated', async () => {
      for (const version of [0, -1, 2, 2 ** 40]) {
        const response = await taro.post('/api/forms/withdrawal/submissions', { ...manualWithdrawal(), version });
        expect(response.status).toBe(409);
        expect(response.body.error.code).toBe('form_version_outdated');
        expect(response.body.error.message).toBe(
          '申請書式が更新されました。画面を再読み込みしてから、もう一度お試しください',
        );
      }
    });

    it('asks for the version when the data comes without one, or with one that is not a number', async () => {
      const { data } = manualWithdrawal();
      for (const body of [{ data }, { data, version: '1' }, { data, version: 1.5 }]) {
        const response = await taro.post('/api/forms/withdrawal/submissions', body);
        expect(response.status).toBe(400);
        expect(response.body.error.message).toBe('version（申請書式のバージョン）を指定してください');
      }
      expect(await countRows(t.database.db)).toMatchObject({ applications: 0 });
    });

    it('leaves nothing behind when the mail cannot be rendered', async () => {
      t.mailer.failWith = new Error('disk full');
      const response = await taro.post('/api/forms/withdrawal/submissions', manualWithdrawal());
      expect(response.status).toBe(500);
      expect(response.body.error).toEqual({
        code: 'internal_error',
        message: 'サーバーでエラーが発生しました。しばらくしてから、もう一度お試しください',
      });
      expect(JSON.stringify(response.body)).not.toContain('disk full');
      expect(t.mailer.calls).toHaveLength(1);
      expect(await countRows(t.database.db)).toEqual({ applications: 0, targets: 0, events: 0, outbox: 0 });
      t.mailer.failWith = undefined;
      expect((await taro.post('/api/forms/withdrawal/submissions', manualWithdrawal())).status).toBe(201);
    });

    it('leaves nothing behind when the last rows of the statement fail', async () => {
      // The outbox row is written last; an id already taken makes it fail after the
      // application, its targets and its event were inserted: the statement takes them all back.
      await t.database.db
        .insertInto('mail_outbox')
        .values({
          id: 'mail-taken',
          event: 'submitted',
          template: 'test',
          to_address: 'x@example.jp',
          locale: 'ja',
          subject: 'taken',
          text_body: '',
          html_body: '',
          status: 'sent',
        })
        .execute();
      t.mailer.mailId = 'mail-taken';
      const response = await taro.post('/api/forms/withdrawal/submissions', manualWithdrawal());
      expect(response.status).toBe(500);
      expect(await countRows(t.database.db)).toEqual({ applications: 0, targets: 0, events: 0, outbox: 1 });
      t.mailer.mailId = undefined;
      expect((await taro.post('/api/forms/withdrawal/submissions', manualWithdrawal())).status).toBe(201);
      expect(await countRows(t.database.db)).toEqual({ applications: 1, targets: 3, events: 1, outbox: 2 });
    });

    it("deletes the member's draft of the form with the submission", async () => {
      await taro.put('/api/me/drafts/withdrawal', { version: 1, stepId: 'select', data: { reason: 'death' } });
      expect((await taro.get('/api/me/drafts/withdrawal')).status).toBe(200);
      await taro.post('/api/forms/withdrawal/submissions', manualWithdrawal());
      expect((await taro.get('/api/me/drafts/withdrawal')).status).toBe(404);
    });

    it('files an enrollment with join targets for a member without memberships', async () => {
      const jiro = await signedIn(t.app, '567890');
      const response = await jiro.post('/api/forms/enrollment/submissions', sapporoEnrollment());
      expect(response.status).toBe(201);
      expect(response.body.application.facility).toEqual({ ja: '札幌中央クリニック', en: '札幌中央クリニック' });
      expect(
        response.body.application.targets.map((target: { associationId: string; role: string }) => [
          target.associationId,
          target.role,
        ]),
      ).toEqual([
        ['city-sapporo', 'join'],
        ['pref-01', 'join'],
        ['jma', 'join'],
      ]);
    });

    it('joins only what a member does not already belong to', async () => {
      const response = await taro.post('/api/forms/enrollment/submissions', sapporoEnrollment());
      expect(response.status).toBe(201);
      expect(
        response.body.application.targets.map((target: { associationId: string }) => target.associationId),
      ).toEqual(['city-sapporo']);
    });

    it('refuses to join an association the member already belongs to', async () => {
      const crafted = sapporoEnrollment({
        joinTo: { groupId: 'chain:city-sapporo', associationIds: ['city-sapporo', 'pref-01'] },
      });
      const response = await taro.post('/api/forms/enrollment/submissions', crafted);
      expect(response.status).toBe(422);
      expect(response.body.error.fields).toEqual([
        {
          pointer: '/joinTo',
          message:
            '入会する医師会に、このグループでは申請できない医師会が含まれています（1回の申請で選択できるのは1つのグループのみです）',
        },
      ]);
    });

    it('is 404 for an unknown form', async () => {
      const response = await taro.post('/api/forms/nonexistent/submissions', manualWithdrawal());
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('not_found');
    });

    it('is 401 for an anonymous caller', async () => {
      const response = await new ApiClient(t.app).post('/api/forms/withdrawal/submissions', manualWithdrawal());
      expect(response.status).toBe(401);
      expect(response.body.error).toEqual({ code: 'unauthenticated', message: 'ログインしてください' });
    });

    it('is 403 for an office account', async () => {
      const office = await signedIn(t.app, 'otaru-office');
      const response = await office.post('/api/forms/withdrawal/submissions', manualWithdrawal());
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('forbidden');
    });

    it('is 403 when a cookie-authenticated write lacks the CSRF token', async () => {
      const response = await taro.post('/api/forms/withdrawal/submissions', manualWithdrawal(), { withoutCsrf: true });
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('csrf_token_invalid');
      const wrong = await taro.post('/api/forms/withdrawal/submissions', manualWithdrawal(), {
        headers: { 'X-CSRF-Token': 'not-the-token' },
      });
      expect(wrong.status).toBe(403);
      expect(await countRows(t.database.db)).toMatchObject({ applications: 0 });
    });

    it('is 400 invalid_json for a body that is not JSON', async () => {
      const response = await taro.post('/api/forms/withdrawal/submissions', '{"version": 1, "data": ');
      expect(response.status).toBe(400);
      expect(response.body.error).toEqual({
        code: 'invalid_json',
        message: 'リクエストの本文が正しい JSON ではありません',
      });
    });

    it('is 415 for a body that is not application/json', async () => {
      const response = await taro.post('/api/forms/withdrawal/submissions', 'version=1', {
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      });
      expect(response.status).toBe(415);
      expect(response.body.error.code).toBe('unsupported_media_type');
    });

    it('is 413 for a body over 64 KiB', async () => {
      const response = await taro.post(
        '/api/forms/withdrawal/submissions',
        manualWithdrawal({ reasonOther: 'あ'.repeat(40_000) }),
      );
      expect(response.status).toBe(413);
      expect(response.body.error.code).toBe('payload_too_large');
      expect(await countRows(t.database.db)).toMatchObject({ applications: 0 });
    });
  });
}
