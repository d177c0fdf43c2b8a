import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  daysFromToday,
  mailRows,
  type Portal,
  PortalTab,
  startPortal,
  statusPanel,
} from './support/portal-browser.js';

/**
 * An office's review as the office and the member see it, in Chromium against the server as
 * `npm start` runs it: 小樽市医師会 marks 日医 太郎's withdrawal 申請中にする, then returns it
 * (差戻し) with a comment, and his マイページTOP shows 差戻し with that comment. Each test
 * continues where the one before left off; screens go to test-output/screenshots/portal/.
 */
describe('the office’s review in Chromium: 申請中にする, then 差戻し with a comment', () => {
  let portal: Portal;
  let tab: PortalTab;
  const withdrawalDate = daysFromToday(30);
  const comment = '退会希望年月日が閉院日と異なります。閉院日をご確認のうえ修正してください。';

  beforeAll(async () => {
    portal = await startPortal();
    tab = await PortalTab.open(portal);
  }, 180_000);

  afterAll(async () => {
    await tab?.close();
    await portal?.close();
  });

  const form = (page: Page) => page.locator('mamis-form');
  /** The row of 各医師会の審査状況 for one association: `[医師会, 区分, 状況, コメント]`. */
  const targetRow = async (page: Page, name: string) => {
    const rows = await page
      .locator('.targets-table tbody tr')
      .evaluateAll((items) =>
        items.map((item) =>
          [...item.querySelectorAll('td')].map((cell) => cell.textContent?.trim().replace(/\s+/g, ' ') ?? ''),
        ),
      );
    return rows.find((row) => row[0]?.endsWith(name));
  };
  const decisionButtons = (page: Page) =>
    page
      .locator('.decision-buttons button')
      .allTextContents()
      .then((texts) => texts.map((text) => text.trim()));
  const openTheApplication = async (page: Page) => {
    await Promise.all([
      page.waitForURL(/\/office\/applications\//),
      page.locator('.queue-table').getByRole('link', { name: '日医 太郎' }).click(),
    ]);
  };

  it('日医 太郎 files a withdrawal from his Hokkaido group', async () => {
    await tab.signIn('123456');
    const page = tab.page;
    await tab.goto('/forms/withdrawal');
    await form(page).getByRole('button', { name: '退会する' }).click();
    await form(page).getByRole('button', { name: '実行する' }).click();
    await form(page)
      .getByRole('group', { name: /青柳皮膚科医院/ })
      .getByRole('checkbox', { name: '3層 小樽市医師会' })
      .check();
    await form(page).getByRole('textbox', { name: '退会希望年月日' }).fill(withdrawalDate);
    await form(page).getByRole('radio', { name: '廃業・退職' }).check();
    await form(page).getByRole('button', { name: '確認画面に進む' }).click();
    await form(page).getByRole('button', { name: '退会を申請する' }).click();
    await form(page).getByRole('heading', { name: '退会の申請を受付けました' }).waitFor();
    await tab.goto('/');
    expect(await statusPanel(page)).toEqual([
      {
        title: '退会届',
        facility: '所属施設名：医療法人社団 青柳皮膚科医院',
        targets: ['小樽市医師会 申請', '北海道医師会 申請', '日本医師会 申請'],
        actions: ['削除', '修正'],
      },
    ]);
    await tab.signOut();
  });

  it('小樽市医師会 presses 申請中にする: the page says so, the status is 申請中 and the button is gone', async () => {
    await tab.signIn('otaru-office');
    const page = tab.page;
    await openTheApplication(page);
    expect(await decisionButtons(page)).toEqual(['申請中にする', '承認', '差戻し']);
    expect(await targetRow(page, '小樽市医師会')).toEqual(['3層 小樽市医師会', '退会', '申請', '']);

    await Promise.all([page.waitForURL(/done=review/), page.getByRole('button', { name: '申請中にする' }).click()]);
    expect(await page.locator('.flash').textContent()).toContain('「申請中」にしました。');
    expect(await targetRow(page, '小樽市医師会')).toEqual(['3層 小樽市医師会', '退会', '申請中', '']);
    // Only this office's target moved.
    expect(await targetRow(page, '北海道医師会')).toEqual(['2層 北海道医師会', '退会', '申請', '']);
    expect(await decisionButtons(page)).toEqual(['承認', '差戻し']);
    await tab.shot('40-office-in-review');
    await tab.signOut();
  });

  it('the member sees 申請中 for 小樽市医師会, and can no longer edit or delete', async () => {
    await tab.signIn('123456');
    const [withdrawal] = await statusPanel(tab.page);
    expect(withdrawal?.targets).toEqual(['小樽市医師会 申請中', '北海道医師会 申請', '日本医師会 申請']);
    expect(withdrawal?.actions).toEqual([]);
    expect(await tab.page.locator('mamis-application-status .comment').count()).toBe(0);
    await tab.shot('41-mypage-in-review');
    await tab.signOut();
  });

  it('差戻し without a comment is refused on the page, and the status stays 申請中', async () => {
    await tab.signIn('otaru-office');
    const page = tab.page;
    await openTheApplication(page);
    await page.getByRole('button', { name: '差戻し' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('差戻しの理由（コメント）を入力してください');
    expect(await targetRow(page, '小樽市医師会')).toEqual(['3層 小樽市医師会', '退会', '申請中', '']);
    expect(await decisionButtons(page)).toEqual(['承認', '差戻し']);
    await tab.shot('42-office-return-needs-comment');
  });

  it('差戻し with a comment: the office page shows 差戻し with the comment and its history line', async () => {
    const page = tab.page;
    await page.getByLabel(/^コメント/).fill(comment);
    await Promise.all([page.waitForURL(/done=return/), page.getByRole('button', { name: '差戻し' }).click()]);
    expect(await page.locator('.flash').textContent()).toContain('差戻しました。');
    expect(await targetRow(page, '小樽市医師会')).toEqual(['3層 小樽市医師会', '退会', '差戻し', comment]);
    expect(await page.locator('.decision-buttons').count()).toBe(0);
    expect(await page.locator('.history-list').textContent()).toContain(comment);
    await tab.shot('43-office-returned');
    await tab.signOut();
  });

  it('the member’s マイページTOP shows 差戻し for 小樽市医師会 with the comment, and offers 修正 again', async () => {
    await tab.signIn('123456');
    const page = tab.page;
    expect(await statusPanel(page)).toEqual([
      {
        title: '退会届',
        facility: '所属施設名：医療法人社団 青柳皮膚科医院',
        targets: ['小樽市医師会 差戻し', '北海道医師会 申請', '日本医師会 申請'],
        actions: ['削除', '修正'],
      },
    ]);
    const panel = page.locator('mamis-application-status');
    const otaru = panel.locator('.target', { hasText: '小樽市医師会' });
    expect(await panel.locator('.comment').count()).toBe(1); // only the office that returned it commented
    expect(await otaru.locator('.comment').textContent()).toBe(`事務局からのコメント：${comment}`);
    expect(await otaru.locator('.comment').isVisible()).toBe(true);
    await tab.shot('44-mypage-returned');

    const rows = await mailRows(tab, (list) => list.some((row) => row.includes('差し戻されました')));
    const toTaro = rows.filter((row) => row.includes('taro@example.jp'));
    expect(toTaro).toContainEqual(expect.stringContaining('【MAMIS】退会届が差し戻されました（小樽市医師会）'));
    await tab.page
      .locator('.mail-table')
      .getByRole('link', { name: '【MAMIS】退会届が差し戻されました（小樽市医師会）' })
      .click();
    expect(await tab.page.locator('.mail-text').textContent()).toContain(comment);
    await tab.signOut();
  });

  it('passes axe-core’s checks on the member’s page and the office’s page showing the return', async () => {
    // A context of its own: axe is injected from outside, which the pages' CSP would refuse.
    const context = await portal.browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    const found: Record<string, unknown[]> = {};
    const signIn = async (login: string) => {
      await page.goto(`${portal.url}/login`);
      await page.getByLabel('医籍登録番号または事務局ID').fill(login);
      await page.getByLabel('パスワード').fill('demo1234');
      await Promise.all([
        page.waitForURL((url) => url.pathname !== '/login'),
        page.getByRole('button', { name: 'ログイン' }).click(),
      ]);
    };
    const check = async (name: string) => {
      const violations = await axeViolations(page);
      if (violations.length > 0) found[name] = violations;
    };
    try {
      await signIn('123456');
      await page.locator('mamis-application-status .comment').waitFor();
      await check('member /');
      await page.getByRole('button', { name: 'ログアウト' }).click();
      await page.waitForURL(/\/login/);
      await signIn('otaru-office');
      await page.goto(`${portal.url}/office?status=returned`, { waitUntil: 'networkidle' });
      await check('office /office?status=returned');
      await openTheApplication(page);
      await check('office application');
    } finally {
      await context.close();
    }
    expect(found).toEqual({});
  });

  it('broke no Content-Security-Policy rule, logged no error and never scrolled sideways on a phone', () => {
    expect(tab.problems.cspViolations).toEqual([]);
    expect(tab.problems.errors).toEqual([]);
    expect(tab.problems.overflows).toEqual([]);
  });
}, 180_000);
