import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signedIn } from '../server/support/api-client.js';
import { manualWithdrawal, resetToDemoData } from '../server/support/fixtures.js';
import { type PageClient, signedInPages, visibleText } from './support/page-client.js';
import { createPortalApp, type PortalTestApp } from './support/portal-app.js';

describe('office review pages', () => {
  let t: PortalTestApp;
  let applicationId: string;
  let otaru: PageClient;

  beforeAll(async () => {
    t = await createPortalApp();
  });
  beforeEach(async () => {
    await resetToDemoData(t.database.db);
    const taro = await signedIn(t.app, '123456');
    const filed = await taro.post('/api/forms/withdrawal/submissions', manualWithdrawal());
    expect(filed.status).toBe(201);
    applicationId = filed.body.application.id;
    otaru = await signedInPages(t.app, 'otaru-office');
  });
  afterAll(async () => {
    await t?.dispose();
  });

  const decide = async (fields: Record<string, string>) =>
    otaru.post(`/office/applications/${applicationId}/decision`, {
      _csrf: await otaru.csrfToken('/office'),
      ...fields,
    });

  it('lists the applications addressed to this office, with the member and this office’s status', async () => {
    const queue = visibleText((await otaru.get('/office')).text);
    expect(queue).toContain('申請一覧');
    expect(queue).toContain('日医 太郎 第123456号');
    expect(queue).toContain('退会届（退会）');
    expect(queue).toContain('医療法人社団 青柳皮膚科医院');
    expect(queue).toMatch(/すべて 1 申請 1 申請中 0 承認 0 差戻し 0 取下げ 0/);
  });

  it('filters by this office’s status', async () => {
    expect(visibleText((await otaru.get('/office?status=submitted')).text)).toContain('日医 太郎');
    const approved = visibleText((await otaru.get('/office?status=approved')).text);
    expect(approved).not.toContain('日医 太郎');
    expect(approved).toContain('「承認」の申請はありません。');
  });

  it('pages through the queue newest first, 20 at a time', async () => {
    // 21 more applications addressed to 小樽市医師会, from 21 submissions by the same member
    // would conflict (one open withdrawal per group): write targets for copies directly.
    const db = t.database.db;
    const original = await db
      .selectFrom('applications')
      .selectAll()
      .where('id', '=', applicationId)
      .executeTakeFirstOrThrow();
    for (let index = 0; index < 21; index++) {
      const id = `copy-${String(index).padStart(2, '0')}`;
      await db
        .insertInto('applications')
        .values({
          ...original,
          id,
          group_key: `${original.group_key}-${index}`,
          data: JSON.stringify(original.data),
          confirm_view: JSON.stringify(original.confirm_view),
          facility: JSON.stringify(original.facility),
          idempotency_key: null,
          created_at: new Date(Date.UTC(2026, 10, 1, 0, index)),
        })
        .execute();
      await db
        .insertInto('application_targets')
        .values({
          application_id: id,
          association_id: 'city-otaru',
          role: 'leave',
          status: 'submitted',
          comment: null,
          decided_at: null,
          decided_by: null,
        })
        .execute();
    }
    const first = await otaru.get('/office');
    expect(first.text.match(/class="queue-link"/g)).toHaveLength(20);
    expect(first.text.indexOf(applicationId)).toBeLessThan(first.text.indexOf('copy-20'));
    const next = /href="(\/office\?cursor=[^"]+)"/.exec(first.text)?.[1]?.replaceAll('&amp;', '&');
    expect(next).toBeDefined();
    const second = await otaru.get(next!);
    expect(second.text.match(/class="queue-link"/g)).toHaveLength(2);
    expect(second.text).toContain('copy-00');
    expect(visibleText(second.text)).toContain('最初のページへ');
  });

  it('shows the member, the form and version, the confirm view, every target and the history', async () => {
    const page = visibleText((await otaru.get(`/office/applications/${applicationId}`)).text);
    expect(page).toContain('申請者 日医 太郎 様');
    expect(page).toContain('医籍登録番号 第123456号');
    expect(page).toContain('退会届（withdrawal 第1版）');
    expect(page).toContain(
      '所属施設名：医療法人社団 青柳皮膚科医院 [3層] 小樽市医師会 [2層] 北海道医師会 [1層] 日本医師会',
    );
    expect(page).toContain('退会希望年月日 2026/12/31');
    expect(page).toContain('退会事由 廃業・退職');
    expect(page).toMatch(/3層 小樽市医師会 退会 申請 .*2層 北海道医師会 退会 申請 .*1層 日本医師会 退会 申請/);
    expect(page).toMatch(/\d{4}\/\d{2}\/\d{2} \d{2}:\d{2} 申請 日医 太郎（会員）/);
    expect(page).toContain('申請中にする');
    expect(page).toContain('承認');
    expect(page).toContain('差戻し');
  });

  it('refuses another office’s application as not found, page and decision alike', async () => {
    const sapporo = await signedInPages(t.app, 'sapporo-office');
    expect(visibleText((await sapporo.get('/office')).text)).toContain('申請はありません。');
    expect((await sapporo.get(`/office/applications/${applicationId}`)).status).toBe(404);
    const response = await sapporo.post(`/office/applications/${applicationId}/decision`, {
      _csrf: await sapporo.csrfToken('/office'),
      decision: 'approve',
    });
    expect(response.status).toBe(404);
  });

  it('refuses a decision without the CSRF token and changes nothing', async () => {
    const response = await otaru.post(`/office/applications/${applicationId}/decision`, { decision: 'approve' });
    expect(response.status).toBe(403);
    const target = await t.database.db
      .selectFrom('application_targets')
      .select('status')
      .where('application_id', '=', applicationId)
      .where('association_id', '=', 'city-otaru')
      .executeTakeFirstOrThrow();
    expect(target.status).toBe('submitted');
  });

  it('申請中にする, then 承認: the member’s status and history follow, and mail is queued', async () => {
    const review = await decide({ decision: 'review', comment: '' });
    expect(review.status).toBe(303);
    expect(review.location).toBe(`/office/applications/${applicationId}?done=review`);
    const reviewed = visibleText((await otaru.get(review.location!)).text);
    expect(reviewed).toContain('「申請中」にしました。');
    expect(reviewed).not.toContain('申請中にする 承認'); // the review button is gone

    const approve = await decide({ decision: 'approve', comment: '確認しました。' });
    expect(approve.location).toBe(`/office/applications/${applicationId}?done=approve`);
    const approved = visibleText((await otaru.get(approve.location!)).text);
    expect(approved).toContain('承認しました。');
    expect(approved).toContain('これ以上の操作はありません。');
    expect(approved).toMatch(/承認 小樽市医師会 小樽市医師会 事務局 確認しました。/);

    const taro = await signedIn(t.app, '123456');
    const [application] = (await taro.get('/api/me/applications')).body.applications;
    expect(application.targets.map((target: { status: string }) => target.status)).toEqual([
      'approved',
      'submitted',
      'submitted',
    ]);
    const history = (await taro.get('/api/me/history')).body.history;
    expect(history.find((entry: { associationId: string }) => entry.associationId === 'city-otaru').endedOn).toBe(
      '2026-12-31',
    );
    const mailed = t.mailer.calls.filter((call) => call.application.id === applicationId).map((call) => call.event);
    expect(mailed).toEqual(['submitted', 'in-review', 'approved']);
  });

  it('差戻し needs a comment: without one the page says so and keeps nothing half done', async () => {
    const refused = await decide({ decision: 'return', comment: '   ' });
    expect(refused.status).toBe(422);
    expect(visibleText(refused.text)).toContain('差戻しの理由（コメント）を入力してください');
    const returned = await decide({ decision: 'return', comment: '退会希望年月日をご確認ください。' });
    expect(returned.status).toBe(303);
    const page = visibleText((await otaru.get(returned.location!)).text);
    expect(page).toContain('差戻しました。');
    expect(page).toMatch(/3層 小樽市医師会 退会 差戻し 退会希望年月日をご確認ください。/);
  });

  it('a second decision on a decided target says it is no longer possible', async () => {
    await decide({ decision: 'approve' });
    const again = await decide({ decision: 'return', comment: '取り消し' });
    expect(again.status).toBe(409);
    expect(visibleText(again.text)).toContain('この申請はすでに処理されているため、この操作はできません');
  });
});
