import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildComponents } from '../../../web-components/build.js';
import { createTestApp, type TestApp } from '../../server/support/test-app.js';
import { launchChromium, type OpenedPage, openPage, runAxe, screenshot } from '../support/browser.js';
import { confirmRows } from '../support/form-probe.js';

/**
 * The components against the real server: the Hono app on an embedded database with the demo
 * data (member 123456, the manual's 日医 太郎), its own portal pages with their strict CSP,
 * and the bundle served from `/components/`. The member signs in and files all three forms.
 */
describe('the components against the running server', () => {
  let bundleDir: string;
  let testApp: TestApp;
  let server: ServerType;
  let origin: string;
  let browser: Browser;
  let member: OpenedPage;
  let page: Page;

  beforeAll(async () => {
    bundleDir = await mkdtemp(join(tmpdir(), 'mamis-e2e-'));
    await buildComponents({ outdir: bundleDir, manifest: false });
    testApp = await createTestApp('pglite', { config: { componentsDir: bundleDir } });
    server = serve({ fetch: testApp.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    member = await openPage(browser, `${origin}/login`);
    page = member.page;
    await page.getByLabel('医籍登録番号または事務局ID').fill('123456');
    await page.getByLabel('パスワード').fill('demo1234');
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.waitForURL(`${origin}/`);
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await testApp?.dispose();
    if (bundleDir) await rm(bundleDir, { recursive: true, force: true });
  });

  const form = () => page.locator('mamis-form');
  const status = () => page.locator('mamis-application-status');

  async function expectAccessibleForm() {
    expect(await runAxe(page, 'mamis-form')).toEqual([]);
  }

  async function openForm(id: string) {
    await page.goto(`${origin}/forms/${id}`);
    await form().locator('.title').waitFor();
  }

  it('shows マイページTOP with an empty 申請ステータス panel', async () => {
    await status().getByText('現在、申請はありません').waitFor();
    expect(await runAxe(page, 'mamis-application-status')).toEqual([]);
  });

  it("files the manual's withdrawal (退会届) from the retention screen to 完了", async () => {
    await openForm('withdrawal');
    await form().getByRole('button', { name: '退会する' }).click();
    await form().getByRole('dialog').getByRole('button', { name: '実行する' }).click();
    const aoyagi = form().getByRole('group', { name: '所属施設名：医療法人社団 青柳皮膚科医院' });
    await form().getByRole('button', { name: '確認画面に進む' }).click();
    expect(await form().locator('.error-summary').getByRole('link').count()).toBe(3);
    await expectAccessibleForm();
    await aoyagi.getByRole('checkbox', { name: '3層 小樽市医師会' }).check();
    expect(
      await aoyagi.getByRole('checkbox').evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).checked)),
    ).toEqual([true, true, true]);
    const date = form().getByRole('textbox', { name: '退会希望年月日' });
    await date.fill('２０２６／１２／３１');
    await date.blur();
    expect(await date.inputValue()).toBe('2026/12/31');
    await form().getByRole('radio', { name: 'その他' }).check();
    await form().getByRole('textbox', { name: 'その他の退会事由' }).fill('海外の大学で研究に専念するため');
    await form().getByRole('button', { name: '確認画面に進む' }).click();
    await form().getByRole('button', { name: '退会を申請する' }).waitFor();
    expect(await confirmRows(page)).toEqual([
      ['退会申請先', '所属施設名：医療法人社団 青柳皮膚科医院 [3層] 小樽市医師会 [2層] 北海道医師会 [1層] 日本医師会'],
      ['退会希望年月日', '2026/12/31'],
      ['退会事由', 'その他'],
      ['その他の退会事由', '海外の大学で研究に専念するため'],
    ]);
    await screenshot(page, 'server-withdrawal-confirm');
    await expectAccessibleForm();
    await form().getByRole('button', { name: '退会を申請する' }).click();
    await form().getByRole('heading', { name: '退会の申請を受付けました' }).waitFor();
    await screenshot(page, 'server-withdrawal-complete');
    await expectAccessibleForm();
  });

  it('shows the withdrawal in 申請ステータス with 申請 for each association', async () => {
    await page.goto(`${origin}/`);
    await status().getByRole('heading', { name: '退会届' }).waitFor();
    expect(await status().getByText('所属施設名：医療法人社団 青柳皮膚科医院').isVisible()).toBe(true);
    const chips = await status()
      .locator('.target')
      .evaluateAll((targets) =>
        targets.map((target) => [
          target.querySelector('.target-name')?.textContent,
          target.querySelector('.chip')?.textContent,
        ]),
      );
    expect(chips).toEqual([
      ['小樽市医師会', '申請'],
      ['北海道医師会', '申請'],
      ['日本医師会', '申請'],
    ]);
    await screenshot(page, 'server-my-page');
    expect(await runAxe(page, 'mamis-application-status')).toEqual([]);
  });

  it('修正 opens the filed withdrawal with its answers and files the change', async () => {
    await status().getByRole('button', { name: '退会届：修正' }).click();
    await page.waitForURL(/\/forms\/withdrawal\?application=/);
    await form().getByRole('button', { name: '確認画面に進む' }).waitFor();
    expect(await form().getByRole('textbox', { name: '退会希望年月日' }).inputValue()).toBe('2026/12/31');
    expect(await form().getByRole('textbox', { name: 'その他の退会事由' }).inputValue()).toBe(
      '海外の大学で研究に専念するため',
    );
    await form().getByRole('radio', { name: '廃業・退職' }).check();
    await form().getByRole('button', { name: '確認画面に進む' }).click();
    await form().getByRole('button', { name: '修正内容で申請する' }).click();
    await form().getByRole('heading', { name: '退会の申請を受付けました' }).waitFor();
  });

  it('files an enrollment (入会届): a prefecture, its chain, and the conditional fields', async () => {
    await openForm('enrollment');
    await form().getByRole('textbox', { name: '所属施設名' }).fill('なにわ中央クリニック');
    await form().getByRole('combobox', { name: '入会する都道府県医師会' }).selectOption({ label: '大阪府医師会' });
    const chain = form().getByRole('group', { name: /^大阪市医師会/ });
    await chain.getByRole('checkbox', { name: '3層 大阪市医師会' }).check();
    await expectAccessibleForm();
    await form().getByRole('button', { name: '次へ' }).click();
    await form().getByRole('radio', { name: 'C会員（研修医）' }).check();
    await form().getByRole('textbox', { name: '臨床研修修了予定年月日' }).fill('2027/03/31');
    await form().getByRole('textbox', { name: '入会希望年月日' }).fill('2026/12/01');
    await form().getByRole('radio', { name: 'なし' }).check();
    await expectAccessibleForm();
    await form().getByRole('button', { name: '確認画面に進む' }).click();
    await form().getByRole('button', { name: '入会を申請する' }).waitFor();
    expect((await confirmRows(page)).find(([label]) => label === '入会申請先')?.[1]).toBe(
      '[3層] 大阪市医師会 [2層] 大阪府医師会',
    );
    await expectAccessibleForm();
    await form().getByRole('button', { name: '入会を申請する' }).click();
    await form().getByRole('heading', { name: '入会の申請を受付けました' }).waitFor();
    await screenshot(page, 'server-enrollment-complete');
    await expectAccessibleForm();
  });

  it('files a transfer (異動届) from the Tokyo group to Yokohama', async () => {
    await openForm('transfer');
    const chiyoda = form().getByRole('group', { name: '所属施設名：千代田丸の内クリニック' });
    await chiyoda.getByRole('checkbox', { name: '3層 千代田区医師会' }).check();
    await form().getByRole('textbox', { name: '異動年月日' }).fill('2027/01/04');
    await form().getByRole('radio', { name: '転勤・転職' }).check();
    await expectAccessibleForm();
    await form().getByRole('button', { name: '次へ' }).click();
    await form().getByRole('combobox', { name: '異動先の都道府県医師会' }).selectOption({ label: '神奈川県医師会' });
    await form().getByRole('checkbox', { name: '3層 横浜市医師会' }).check();
    await form().getByRole('textbox', { name: '異動先の所属施設名' }).fill('横浜ベイサイド病院');
    await expectAccessibleForm();
    await form().getByRole('button', { name: '確認画面に進む' }).click();
    await form().getByRole('button', { name: '異動を申請する' }).waitFor();
    const rows = Object.fromEntries(await confirmRows(page));
    expect(rows['異動元（退会する医師会）']).toBe('所属施設名：千代田丸の内クリニック [3層] 千代田区医師会');
    expect(rows['異動先（入会する医師会）']).toBe('[3層] 横浜市医師会');
    await form().getByRole('button', { name: '異動を申請する' }).click();
    await form().getByRole('heading', { name: '異動の申請を受付けました' }).waitFor();
    await screenshot(page, 'server-transfer-complete');
    await expectAccessibleForm();
  });

  it('lists all three applications, and 削除 withdraws one (取下げ)', async () => {
    await page.goto(`${origin}/`);
    await status().getByRole('heading', { name: '異動届' }).waitFor();
    expect((await status().locator('.form-title').allTextContents()).sort()).toEqual(
      ['入会届', '異動届', '退会届'].sort(),
    );
    await status().getByRole('button', { name: '入会届：削除' }).click();
    await status().getByRole('dialog').getByRole('button', { name: '削除する' }).click();
    await expect
      .poll(() => status().locator('.application', { hasText: '入会届' }).locator('.chip').allTextContents())
      .toEqual(['取下げ', '取下げ']);
    await screenshot(page, 'server-my-page-after');
  });

  it('loaded every page of the portal with no CSP violation and no page error', async () => {
    expect(await member.cspViolations()).toEqual([]);
    expect(member.errors).toEqual([]);
  });
});
