import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, runAxe, screenshot } from '../support/browser.js';
import { decide, fileApplication } from '../support/demo-activity.js';
import { OFFICES, TARO } from '../support/demo-members.js';
import { type BrowserEnvironment, startBrowserEnvironment } from '../support/environment.js';
import { confirmRows, currentStep, hostLog } from '../support/form-probe.js';
import { applicationsOf, eventTypesOf, targetsOf } from '../support/server-records.js';

/** The manual's withdrawal from 小樽市医師会; the server's cascade adds 北海道 and 日本. */
const WITHDRAWAL = {
  withdrawFrom: { groupId: TARO.aoyagi, associationIds: ['city-otaru'] },
  withdrawalDate: '2024-10-31',
  reason: 'retirement',
};

describe('<mamis-application-status> (申請ステータス)', () => {
  let env: BrowserEnvironment;

  beforeAll(async () => {
    env = await startBrowserEnvironment();
  });

  afterEach(async () => {
    await env.closePages();
  });

  afterAll(async () => {
    await env?.close();
  });

  const fileWithdrawal = () => fileApplication(env.server, TARO.login, 'withdrawal', WITHDRAWAL);

  /** Files the manual's withdrawal through the API and opens マイページTOP on it. */
  async function openWithApplication(path = '/pages/portal.html', title = '退会届'): Promise<Page> {
    await fileWithdrawal();
    const { page } = await env.open(path);
    await panel(page).getByRole('heading', { name: title }).waitFor();
    return page;
  }

  const panel = (page: Page) => page.locator('mamis-application-status');

  const chips = (page: Page) =>
    panel(page)
      .locator('.target')
      .evaluateAll((targets) =>
        targets.map((target) => [
          target.querySelector('.target-name')?.textContent,
          target.querySelector('.chip')?.textContent,
        ]),
      );

  it('says 現在、申請はありません when there is none', async () => {
    const { page } = await env.open('/pages/portal.html');
    await panel(page).getByText('現在、申請はありません').waitFor();
    expect(await runAxe(page)).toEqual([]);
  });

  it('shows the form, the facility and one status per association, with 修正 and 削除', async () => {
    const page = await openWithApplication();
    expect(await panel(page).getByText('所属施設名：医療法人社団 青柳皮膚科医院').isVisible()).toBe(true);
    expect(await chips(page)).toEqual([
      ['小樽市医師会', '申請'],
      ['北海道医師会', '申請'],
      ['日本医師会', '申請'],
    ]);
    expect(await panel(page).getByRole('button', { name: '退会届：修正' }).isVisible()).toBe(true);
    expect(await panel(page).getByRole('button', { name: '退会届：削除' }).isVisible()).toBe(true);
    await screenshot(page, 'status-desktop-1-panel');
    expect(await runAxe(page)).toEqual([]);
  });

  it('shows 申請中 once an office starts its review, and no longer offers 修正 or 削除', async () => {
    const id = await fileWithdrawal();
    await decide(env.server, OFFICES.hokkaido.login, id, 'review');
    const { page } = await env.open('/pages/portal.html');
    await panel(page).getByRole('heading', { name: '退会届' }).waitFor();
    expect(await chips(page)).toEqual([
      ['小樽市医師会', '申請'],
      ['北海道医師会', '申請中'],
      ['日本医師会', '申請'],
    ]);
    expect(
      await panel(page)
        .getByRole('button', { name: /^退会届：(修正|削除)$/ })
        .count(),
    ).toBe(0);
    expect(await runAxe(page)).toEqual([]);
  });

  it('fits a phone', async () => {
    await fileWithdrawal();
    const { page } = await env.open('/pages/portal.html', { viewport: PHONE });
    await panel(page).getByRole('heading', { name: '退会届' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(
      0,
    );
    await screenshot(page, 'status-phone-1-panel');
  });

  it("shows an office's comment on a returned target, and 承認 where an office approved", async () => {
    const id = await fileWithdrawal();
    await decide(env.server, OFFICES.otaru.login, id, 'return', '退会希望日を月末にしてください');
    await decide(env.server, OFFICES.jma.login, id, 'approve');
    const { page } = await env.open('/pages/portal.html');
    await panel(page).getByText('事務局からのコメント：退会希望日を月末にしてください').waitFor();
    expect(await chips(page)).toEqual([
      ['小樽市医師会', '差戻し'],
      ['北海道医師会', '申請'],
      ['日本医師会', '承認'],
    ]);
  });

  it('修正 tells the host which application to edit', async () => {
    const page = await openWithApplication();
    await panel(page).getByRole('button', { name: '退会届：修正' }).click();
    const edits = (await hostLog(page)).filter((event) => event.type === 'mamis-edit');
    const filed = await applicationsOf(env.server.db, TARO.memberId);
    expect(edits.map((event) => (event.detail.application as { id: string }).id)).toEqual([filed[0]!.id]);
  });

  it('削除 asks first, then withdraws every target (取下げ)', async () => {
    const page = await openWithApplication();
    const [filed] = await applicationsOf(env.server.db, TARO.memberId);
    await panel(page).getByRole('button', { name: '退会届：削除' }).click();
    const dialog = panel(page).getByRole('dialog', { name: 'この申請を削除しますか？' });
    await dialog.waitFor();
    await screenshot(page, 'status-desktop-2-delete-dialog');
    expect(await runAxe(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'キャンセル' }).click();
    expect(env.host.callsTo('DELETE', '/api/me/applications')).toHaveLength(0);
    expect((await applicationsOf(env.server.db, TARO.memberId))[0]!.status).toBe('open');

    await panel(page).getByRole('button', { name: '退会届：削除' }).click();
    await panel(page).getByRole('dialog').getByRole('button', { name: '削除する' }).click();
    await expect
      .poll(() => chips(page))
      .toEqual([
        ['小樽市医師会', '取下げ'],
        ['北海道医師会', '取下げ'],
        ['日本医師会', '取下げ'],
      ]);
    expect(env.host.callsTo('DELETE', `/api/me/applications/${filed!.id}`)).toHaveLength(1);
    expect((await applicationsOf(env.server.db, TARO.memberId))[0]!.status).toBe('withdrawn');
    expect((await targetsOf(env.server.db, filed!.id)).map(([, , status]) => status)).toEqual([
      'withdrawn',
      'withdrawn',
      'withdrawn',
    ]);
    expect((await hostLog(page)).map((event) => event.type)).toContain('mamis-deleted');
    expect(await panel(page).getByRole('button', { name: '退会届：削除' }).count()).toBe(0);
  });

  it('a form opened for 修正 starts from the application, and sends the change with PATCH', async () => {
    const id = await fileWithdrawal();
    const { page } = await env.open(`/pages/form.html?form=withdrawal&mode=api&application=${id}`);
    const form = page.locator('mamis-form');
    await expect.poll(() => currentStep(page)).toBe('select');
    expect(await form.getByRole('textbox', { name: '退会希望年月日' }).inputValue()).toBe('2024/10/31');
    await form.getByRole('radio', { name: '死亡' }).check();
    await form.getByRole('button', { name: '確認画面に進む' }).click();
    expect((await confirmRows(page))[2]).toEqual(['退会事由', '死亡']);
    await form.getByRole('button', { name: '修正内容で申請する' }).click();
    await expect.poll(() => currentStep(page)).toBe('done');
    expect(env.host.callsTo('PATCH', `/api/me/applications/${id}`)).toHaveLength(1);
    const [edited] = await applicationsOf(env.server.db, TARO.memberId);
    expect(edited).toMatchObject({ id, status: 'open', data: { reason: 'death' } });
    expect(await eventTypesOf(env.server.db, id)).toEqual(['submitted', 'edited']);
    expect(env.host.callsTo('PUT', '/api/me/drafts')).toHaveLength(0); // no draft while editing
  });

  it('speaks English with lang="en"', async () => {
    const id = await fileWithdrawal();
    await decide(env.server, OFFICES.hokkaido.login, id, 'review');
    const { page } = await env.open('/pages/portal.html?lang=en');
    await panel(page).getByRole('heading', { name: 'Withdrawal' }).waitFor();
    expect(await panel(page).getByRole('heading', { name: 'Application status' }).isVisible()).toBe(true);
    expect(await chips(page)).toEqual([
      ['Otaru City Medical Association', 'Submitted'],
      ['Hokkaido Medical Association', 'In review'],
      ['Japan Medical Association', 'Submitted'],
    ]);
  });
});
