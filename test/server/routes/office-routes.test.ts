import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '../../support/test-databases.js';
import { ApiClient, signedIn } from '../support/api-client.js';
import { manualWithdrawal, resetToDemoData } from '../support/fixtures.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

for (const dialect of TEST_DIALECTS) {
  describe(`/api/office/applications on ${dialect}`, () => {
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
      t.mailer.calls.length = 0;
      taro = await signedIn(t.app, '123456');
    });

    const fileManual = async () => {
      const response = await taro.post('/api/forms/withdrawal/submissions', manualWithdrawal());
      expect(response.status).toBe(201);
      return response.body.application.id as string;
    };
    const decide = (office: ApiClient, id: string, body: Record<string, unknown>) =>
      office.post(`/api/office/applications/${id}/decision`, body);

    it("lists the applications that target the office's association, with the member and its own target", async () => {
      const id = await fileManual();
      const response = await otaru.get('/api/office/applications');
      expect(response.status).toBe(200);
      expect(response.body.nextCursor).toBeNull();
      expect(response.body.applications).toHaveLength(1);
      expect(response.body.applications[0]).toMatchObject({
        id,
        member: { name: '日医 太郎', registrationNumber: '123456' },
        target: { associationId: 'city-otaru', status: 'submitted', statusLabel: { ja: '申請' } },
      });
      // A summary per row: the whole application is one request away.
      expect(Object.keys(response.body.applications[0]).sort()).toEqual(
        [
          'createdAt',
          'facility',
          'formId',
          'formTitle',
          'formVersion',
          'id',
          'member',
          'status',
          'target',
          'updatedAt',
        ].sort(),
      );
      expect(response.body.applications[0]).toMatchObject({
        formTitle: { ja: '退会届', en: 'Withdrawal' },
        facility: { ja: '医療法人社団 青柳皮膚科医院' },
        status: 'open',
      });
      const whole = await otaru.get(`/api/office/applications/${id}`);
      expect(whole.body.application).toMatchObject({ ...response.body.applications[0], editable: true });
      expect(whole.body.application.confirmView.sections[0].rows[0].kind).toBe('targets');
    });

    it('shows an office nothing addressed to other associations (404 for a direct look)', async () => {
      const id = await fileManual();
      const tokyo = await signedIn(t.app, 'tokyo-office');
      expect((await tokyo.get('/api/office/applications')).body.applications).toEqual([]);
      const direct = await tokyo.get(`/api/office/applications/${id}`);
      expect(direct.status).toBe(404);
      expect(direct.body.error.code).toBe('not_found');
      expect((await decide(tokyo, id, { decision: 'approve' })).status).toBe(404);
      expect((await otaru.get(`/api/office/applications/${id}`)).status).toBe(200);
    });

    it('pages newest first with a cursor, never repeating or skipping', async () => {
      const ids: string[] = [];
      // Five applications that all target 日本医師会, from four members.
      const filings: [string, unknown][] = [
        ['123456', manualWithdrawal()],
        ['234567', manualWithdrawal({ withdrawFrom: { groupId: 'group-234567-shinjuku', associationIds: ['jma'] } })],
        ['345678', manualWithdrawal({ withdrawFrom: { groupId: 'group-345678-yokohama', associationIds: ['jma'] } })],
        ['456789', manualWithdrawal({ withdrawFrom: { groupId: 'group-456789-kobe', associationIds: ['jma'] } })],
        [
          '234567',
          {
            version: 1,
            data: {
              leaveFrom: { groupId: 'group-234567-shinjuku', associationIds: ['jma'] },
              transferDate: '2027/01/01',
              reason: 'relocation',
              destinationPrefecture: 'pref-01',
              joinTo: { groupId: 'chain:city-otaru', associationIds: ['city-otaru'] },
              newFacilityName: '小樽の診療所',
            },
          },
        ],
      ];
      for (const [login, body] of filings) {
        const client = await signedIn(t.app, login);
        const form = 'leaveFrom' in (body as { data: object }).data ? 'transfer' : 'withdrawal';
        const response = await client.post(`/api/forms/${form}/submissions`, body);
        expect(response.status).toBe(201);
        ids.push(response.body.application.id);
        t.clock.advance(1000);
      }
      const jma = await signedIn(t.app, 'jma-office');
      const seen: string[] = [];
      let cursor: string | null = '';
      let pages = 0;
      while (cursor !== null) {
        const page = await jma.get(`/api/office/applications?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.status).toBe(200);
        expect(page.body.applications.length).toBeLessThanOrEqual(2);
        seen.push(...page.body.applications.map((application: { id: string }) => application.id));
        cursor = page.body.nextCursor;
        pages += 1;
      }
      expect(pages).toBe(3);
      expect(seen).toEqual([...ids].reverse());
    });

    it("filters by the status of the office's own target", async () => {
      const first = await fileManual();
      await decide(otaru, first, { decision: 'review' });
      const submitted = await otaru.get('/api/office/applications?status=submitted');
      expect(submitted.body.applications).toEqual([]);
      const inReview = await otaru.get('/api/office/applications?status=in_review');
      expect(inReview.body.applications.map((application: { id: string }) => application.id)).toEqual([first]);
      // Another office's status is its own: 北海道 has not started.
      const hokkaido = await signedIn(t.app, 'hokkaido-office');
      expect((await hokkaido.get('/api/office/applications?status=submitted')).body.applications).toHaveLength(1);
    });

    it('is 400 for an unknown status, a bad limit or a forged cursor', async () => {
      expect((await otaru.get('/api/office/applications?status=done')).status).toBe(400);
      expect((await otaru.get('/api/office/applications?limit=101')).status).toBe(400);
      expect((await otaru.get('/api/office/applications?limit=0')).status).toBe(400);
      expect((await otaru.get('/api/office/applications?cursor=bm9wZQ')).status).toBe(400);
    });

    it('moves a target 申請 → 申請中 → 承認 and writes an event and a mail for each', async () => {
      const id = await fileManual();
      const review = await decide(otaru, id, { decision: 'review' });
      expect(review.status).toBe(200);
      expect(review.body.application.target).toMatchObject({
        status: 'in_review',
        statusLabel: { ja: '申請中', en: 'In review' },
      });
      const approve = await decide(otaru, id, { decision: 'approve', comment: '承認しました' });
      expect(approve.body.application.target).toMatchObject({
        status: 'approved',
        statusLabel: { ja: '承認' },
        comment: '承認しました',
      });
      expect(approve.body.application.status).toBe('open');
      const events = await t.database.db
        .selectFrom('application_events')
        .select(['type', 'actor_account_id', 'association_id'])
        .where('application_id', '=', id)
        .orderBy('id')
        .execute();
      expect(events).toEqual([
        { type: 'submitted', actor_account_id: 'account-123456', association_id: null },
        { type: 'in-review', actor_account_id: 'account-otaru-office', association_id: 'city-otaru' },
        { type: 'approved', actor_account_id: 'account-otaru-office', association_id: 'city-otaru' },
      ]);
      expect(t.mailer.calls.map((call) => [call.event, call.decision?.associationId])).toEqual([
        ['submitted', undefined],
        ['in-review', 'city-otaru'],
        ['approved', 'city-otaru'],
      ]);
    });

    it('refuses a transition that is not allowed with 409', async () => {
      const id = await fileManual();
      await decide(otaru, id, { decision: 'approve' });
      const again = await decide(otaru, id, { decision: 'approve' });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('transition_not_allowed');
      expect((await decide(otaru, id, { decision: 'review' })).status).toBe(409);
      expect((await decide(otaru, id, { decision: 'return', comment: '遅すぎ' })).status).toBe(409);
    });

    it('applies only one of two simultaneous approvals', async () => {
      const id = await fileManual();
      const [a, b] = await Promise.all([
        decide(otaru, id, { decision: 'approve' }),
        decide(otaru, id, { decision: 'approve' }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const ended = await t.database.db
        .selectFrom('memberships')
        .select('ended_on')
        .where('end_application_id', '=', id)
        .execute();
      expect(ended).toEqual([{ ended_on: '2026-12-31' }]);
    });

    it('needs a comment to return (差戻し) and stores it on the target', async () => {
      const id = await fileManual();
      const bare = await decide(otaru, id, { decision: 'return' });
      expect(bare.status).toBe(422);
      expect(bare.body.error.fields).toEqual([
        { pointer: '/comment', message: '差戻しの理由（コメント）を入力してください' },
      ]);
      const blank = await decide(otaru, id, { decision: 'return', comment: '   ' });
      expect(blank.status).toBe(422);
      const returned = await decide(otaru, id, { decision: 'return', comment: '書類が不足しています' });
      expect(returned.body.application.target).toMatchObject({
        status: 'returned',
        statusLabel: { ja: '差戻し' },
        comment: '書類が不足しています',
      });
      const seen = await taro.get(`/api/me/applications/${id}`);
      expect(seen.body.application.targets[0]).toMatchObject({
        associationId: 'city-otaru',
        comment: '書類が不足しています',
      });
    });

    it('refuses an unknown decision with 422', async () => {
      const id = await fileManual();
      const response = await decide(otaru, id, { decision: 'delete' });
      expect(response.status).toBe(422);
      expect(response.body.error.fields[0].pointer).toBe('/decision');
    });

    it('cannot decide a withdrawn application', async () => {
      const id = await fileManual();
      await taro.delete(`/api/me/applications/${id}`);
      expect((await decide(otaru, id, { decision: 'approve' })).status).toBe(409);
      expect((await otaru.get('/api/office/applications?status=withdrawn')).body.applications).toHaveLength(1);
    });

    it('is 403 for members and staff, 401 for anonymous callers, 403 without the CSRF token', async () => {
      const id = await fileManual();
      expect((await taro.get('/api/office/applications')).status).toBe(403);
      expect((await decide(taro, id, { decision: 'approve' })).status).toBe(403);
      const staff = await signedIn(t.app, 'staff');
      expect((await staff.get('/api/office/applications')).status).toBe(403);
      expect((await new ApiClient(t.app).get('/api/office/applications')).status).toBe(401);
      expect(
        (await otaru.post(`/api/office/applications/${id}/decision`, { decision: 'approve' }, { withoutCsrf: true }))
          .status,
      ).toBe(403);
    });
  });
}
