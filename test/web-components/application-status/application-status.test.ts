import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, runAxe, screenshot } from '../support/browser.js';
import { type BrowserEnvironment, startBrowserEnvironment } from '../support/environment.js';
import { confirmRows, currentStep, hostLog } from '../support/form-probe.js';

const WITHDRAWAL = {
  withdrawFrom: { groupId: 'group-otaru', associationIds: ['otaru'] },
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

  /** Files the manual's withdrawal (小樽市 → 北海道 → 日本, after the cascade) and opens マイページTOP. */
  async function openWithApplication(path = '/pages/portal.html', title = '退会届'): Promise<Page> {
    const filed = env.host.api.fileApplication('withdrawal', WITHDRAWAL, 'seed');
    expect(filed.status).toBe(201);
    env.host.api.setTargetStatus('app-1', 'hokkaido', 'in_review');
    const { page } = await env.open(path);
    await page.locator('mamis-application-status').getByRole('heading', { name: title }).waitFor();
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
      ['北海道医師会', '申請中'],
      ['日本医師会', '申請'],
    ]);
    expect(await panel(page).getByRole('button', { name: '退会届：修正' }).isVisible()).toBe(true);
    expect(await panel(page).getByRole('button', { name: '退会届：削除' }).isVisible()).toBe(true);
    await screenshot(page, 'status-desktop-1-panel');
    expect(await runAxe(page)).toEqual([]);
  });

  it('fits a phone', async () => {
    const filed = env.host.api.fileApplication('withdrawal', WITHDRAWAL, 'seed');
    expect(filed.status).toBe(201);
    const { page } = await env.open('/pages/portal.html', PHONE);
    await panel(page).getByRole('heading', { name: '退会届' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(
      0,
    );
    await screenshot(page, 'status-phone-1-panel');
  });

  it("shows an office's comment on a returned target", async () => {
    env.host.api.fileApplication('withdrawal', WITHDRAWAL, 'seed');
    env.host.api.setTargetStatus('app-1', 'otaru', 'returned', '退会希望日を月末にしてください');
    const { page } = await env.open('/pages/portal.html');
    await panel(page).getByText('事務局からのコメント：退会希望日を月末にしてください').waitFor();
    expect((await chips(page))[0]).toEqual(['小樽市医師会', '差戻し']);
  });

  it('修正 tells the host which application to edit', async () => {
    const page = await openWithApplication();
    await panel(page).getByRole('button', { name: '退会届：修正' }).click();
    const edits = (await hostLog(page)).filter((event) => event.type === 'mamis-edit');
    expect(edits.map((event) => (event.detail.application as { id: string }).id)).toEqual(['app-1']);
  });

  it('削除 asks first, then withdraws every target (取下げ)', async () => {
    const page = await openWithApplication();
    await panel(page).getByRole('button', { name: '退会届：削除' }).click();
    const dialog = panel(page).getByRole('dialog', { name: 'この申請を削除しますか？' });
    await dialog.waitFor();
    await screenshot(page, 'status-desktop-2-delete-dialog');
    expect(await runAxe(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'キャンセル' }).click();
    expect(env.host.api.requestsTo('DELETE', '/api/me/applications')).toHaveLength(0);

    await panel(page).getByRole('button', { name: '退会届：削除' }).click();
    await panel(page).getByRole('dialog').getByRole('button', { name: '削除する' }).click();
    await expect
      .poll(() => chips(page))
      .toEqual([
        ['小樽市医師会', '取下げ'],
        ['北海道医師会', '取下げ'],
        ['日本医師会', '取下げ'],
      ]);
    expect(env.host.api.requestsTo('DELETE', '/api/me/applications/app-1')[0]!.headers['x-csrf-token']).toBe(
      'csrf-token-for-tests',
    );
    expect((await hostLog(page)).map((event) => event.type)).toContain('mamis-deleted');
    expect(await panel(page).getByRole('button', { name: '退会届：削除' }).count()).toBe(0);
  });

  it('a form opened for 修正 starts from the application, and sends the change with PATCH', async () => {
    await openWithApplication();
    const { page } = await env.open('/pages/form.html?form=withdrawal&mode=api&application=app-1');
    const form = page.locator('mamis-form');
    await expect.poll(() => currentStep(page)).toBe('select');
    expect(await form.getByRole('textbox', { name: '退会希望年月日' }).inputValue()).toBe('2024/10/31');
    await form.getByRole('radio', { name: '死亡' }).check();
    await form.getByRole('button', { name: '確認画面に進む' }).click();
    expect((await confirmRows(page))[2]).toEqual(['退会事由', '死亡']);
    await form.getByRole('button', { name: '修正内容で申請する' }).click();
    await expect.poll(() => currentStep(page)).toBe('done');
    const patch = env.host.api.requestsTo('PATCH', '/api/me/applications/app-1');
    expect(patch).toHaveLength(1);
    expect(patch[0]!.body).toMatchObject({ data: { reason: 'death' } });
    expect(env.host.api.requestsTo('PUT', '/api/me/drafts')).toHaveLength(0); // no draft while editing
  });

  it('speaks English with lang="en"', async () => {
    const page = await openWithApplication('/pages/portal.html?lang=en', 'Withdrawal');
    expect(await panel(page).getByRole('heading', { name: 'Application status' }).isVisible()).toBe(true);
    expect(await chips(page)).toEqual([
      ['Otaru Medical Association', 'Submitted'],
      ['Hokkaido Medical Association', 'In review'],
      ['Japan Medical Association', 'Submitted'],
    ]);
  });
});
