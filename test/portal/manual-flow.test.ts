import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE } from '../web-components/support/browser.js';
import {
  axeViolations,
  daysFromToday,
  historyRows,
  mailRows,
  type Portal,
  PortalTab,
  startPortal,
  statusPanel,
} from './support/portal-browser.js';

/**
 * The manual, end to end: the real server as `npm start` runs it (embedded database, mail to
 * the folder), the built components, and Chromium. Each screen is photographed at desktop and
 * phone width into test-output/screenshots/portal/.
 */
describe('the portal in Chromium, following the MAMIS manual', () => {
  let portal: Portal;
  let tab: PortalTab;
  const withdrawalDate = daysFromToday(36);
  const enrollmentDate = daysFromToday(40);
  const transferDate = daysFromToday(45);

  beforeAll(async () => {
    portal = await startPortal();
    tab = await PortalTab.open(portal);
  }, 180_000);

  afterAll(async () => {
    await tab?.close();
    await portal?.close();
  });

  const form = (page: Page) => page.locator('mamis-form');
  const ticked = (group: Locator) =>
    group.getByRole('checkbox').evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).checked));
  const backToTop = async (page: Page) => {
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/'),
      page.locator('.back-link').getByRole('link', { name: 'マイページTOPへ戻る' }).click(),
    ]);
  };

  it('signs 日医 太郎 in and shows マイページTOP with no applications', async () => {
    await tab.goto('/login');
    await tab.shot('01-login');
    await tab.signIn('123456');
    const page = tab.page;
    expect(new URL(page.url()).pathname).toBe('/');
    await expect.poll(() => page.locator('.account-facts').textContent()).toContain('日医 太郎 様');
    expect(await page.locator('.account-facts li').allInnerTexts()).toEqual([
      'マイページ：日医 太郎 様',
      '医籍登録番号：第123456号',
      '日本医師会 20年以上',
    ]);
    expect(await statusPanel(page)).toEqual([]);
    expect(await page.locator('mamis-application-status').getByText('現在、申請はありません').isVisible()).toBe(true);
    await tab.shot('02-mypage-empty');
  });

  it('follows the manual from 退会届 to 完了 and back to the 申請ステータス panel', async () => {
    const page = tab.page;
    await page.locator('#apply').getByRole('link', { name: '退会届' }).click();
    await page.waitForURL((url) => url.pathname === '/forms/withdrawal');
    await form(page).getByRole('button', { name: '退会する' }).waitFor();
    expect(await form(page).getByText('日本医師会医師賠償責任保険に加入できます。').isVisible()).toBe(true);
    await tab.shot('03-withdrawal-1-retention');

    await form(page).getByRole('button', { name: '退会する' }).click();
    await form(page).getByRole('dialog', { name: '本当に退会しますか？' }).waitFor();
    await tab.shot('04-withdrawal-2-reconfirm');
    await form(page).getByRole('button', { name: '実行する' }).click();

    await form(page).getByRole('button', { name: '確認画面に進む' }).waitFor();
    await tab.shot('05-withdrawal-3-select');
    const aoyagi = form(page).getByRole('group', { name: /青柳皮膚科医院/ });
    await aoyagi.getByRole('checkbox', { name: '3層 小樽市医師会' }).check();
    expect(await ticked(aoyagi)).toEqual([true, true, true]); // 3層 takes 2層 and 1層 with it
    await form(page).getByRole('textbox', { name: '退会希望年月日' }).fill(withdrawalDate);
    await form(page).getByRole('radio', { name: '廃業・退職' }).check();
    await tab.shot('06-withdrawal-4-filled');
    await form(page).getByRole('button', { name: '確認画面に進む' }).click();

    await form(page).getByRole('button', { name: '退会を申請する' }).waitFor();
    const confirm = ((await form(page).locator('.confirm-table').textContent()) ?? '').replace(/\s+/g, ' ');
    expect(confirm).toContain('所属施設名：医療法人社団 青柳皮膚科医院');
    expect(confirm).toMatch(/\[3層\] 小樽市医師会 \[2層\] 北海道医師会 \[1層\] 日本医師会/);
    expect(confirm).toContain(`退会希望年月日 ${withdrawalDate}`);
    expect(confirm).toContain('退会事由 廃業・退職');
    await tab.shot('07-withdrawal-5-confirm');
    await form(page).getByRole('button', { name: '退会を申請する' }).click();

    await form(page).getByRole('heading', { name: '退会の申請を受付けました' }).waitFor();
    expect(await form(page).getByText('完了').first().isVisible()).toBe(true);
    await tab.shot('08-withdrawal-6-complete');

    await backToTop(page);
    expect(await statusPanel(page)).toEqual([
      {
        title: '退会届',
        facility: '所属施設名：医療法人社団 青柳皮膚科医院',
        targets: ['小樽市医師会 申請', '北海道医師会 申請', '日本医師会 申請'],
        actions: ['削除', '修正'],
      },
    ]);
    await tab.shot('09-mypage-with-application');
  });

  it('shows the member’s confirmation mail and each office’s notice in the sent-mail folder', async () => {
    const rows = await mailRows(tab, (list) => list.length >= 4);
    const to = (address: string) => rows.filter((row) => row.includes(address));
    expect(to('taro@example.jp')).toEqual([expect.stringContaining('【MAMIS】退会届を受け付けました')]);
    expect(to('office@otaru.example.jp')).toEqual([
      expect.stringContaining('【MAMIS】退会届が提出されました（日医 太郎 様）'),
    ]);
    expect(to('office@hokkaido.example.jp')).toHaveLength(1);
    expect(to('office@jma.example.jp')).toHaveLength(1);
    await tab.shot('10-dev-mail-list');

    await tab.page.locator('.mail-table').getByRole('link', { name: '【MAMIS】退会届を受け付けました' }).click();
    const mail = await tab.page.locator('.mail-text').textContent();
    expect(mail).toContain('日医 太郎');
    expect(mail).toContain('小樽市医師会');
    expect(mail).toContain(withdrawalDate);
    await tab.shot('11-dev-mail-one');
  });

  it('shows 医師会入退会履歴, 登録情報, お問合せ and お知らせ', async () => {
    await tab.goto('/history');
    const rows = await historyRows(tab.page);
    expect(rows).toContainEqual(['3層小樽市医師会', '医療法人社団 青柳皮膚科医院', '2003/04/01', '在籍中']);
    await tab.shot('12-history-before');
    await tab.goto('/profile');
    expect(await tab.page.locator('.facts-table').textContent()).toContain('第123456号');
    await tab.shot('13-profile');
    await tab.goto('/contact');
    expect(await tab.page.locator('.contact-list').textContent()).toContain('office@otaru.example.jp');
    await tab.shot('14-contact');
    await tab.goto('/notices');
    await tab.shot('15-notices');
    await tab.signOut();
  });

  it('小樽市医師会 finds the application in its queue, reads the confirm view and approves', async () => {
    await tab.signIn('otaru-office');
    const page = tab.page;
    expect(new URL(page.url()).pathname).toBe('/office');
    const queue = await page.locator('.queue-table tbody').textContent();
    expect(queue).toContain('日医 太郎');
    expect(queue).toContain('退会届');
    await tab.shot('16-office-queue');

    await page.locator('.queue-table').getByRole('link', { name: '日医 太郎' }).click();
    await page.waitForURL(/\/office\/applications\//);
    const content = ((await page.locator('.confirm-table').first().textContent()) ?? '').replace(/\s+/g, ' ');
    expect(content).toContain('[3層] 小樽市医師会');
    expect(content).toContain(withdrawalDate);
    await tab.shot('17-office-detail');

    await page.getByLabel(/^コメント/).fill('退会の意思を電話で確認しました。');
    await Promise.all([page.waitForURL(/done=approve/), page.getByRole('button', { name: '承認' }).click()]);
    expect(await page.locator('.flash').textContent()).toContain('承認しました');
    expect(await page.locator('.targets-table').textContent()).toMatch(/小樽市医師会\s+退会\s+承認/);
    await tab.shot('18-office-approved');

    await tab.goto('/office?status=approved');
    expect(await page.locator('.queue-table tbody').textContent()).toContain('日医 太郎');
    await tab.signOut();
  });

  it('the member sees 承認 for 小樽市医師会 and its end date in 医師会入退会履歴, and the approval mail', async () => {
    await tab.signIn('123456');
    const [withdrawal] = await statusPanel(tab.page);
    expect(withdrawal?.targets).toEqual(['小樽市医師会 承認', '北海道医師会 申請', '日本医師会 申請']);
    // An association has decided: 修正 and 削除 are no longer offered.
    expect(withdrawal?.actions).toEqual([]);
    await tab.shot('19-mypage-approved');

    await tab.goto('/history');
    expect(await historyRows(tab.page)).toContainEqual([
      '3層小樽市医師会',
      '医療法人社団 青柳皮膚科医院',
      '2003/04/01',
      withdrawalDate,
    ]);
    await tab.shot('20-history-after');
    const rows = await mailRows(tab, (list) => list.some((row) => row.includes('退会届が承認されました')));
    expect(rows.filter((row) => row.includes('taro@example.jp'))).toHaveLength(2);
  });

  it('enrollment: 入会届 to 札幌市医師会, 修正 from the panel, 札幌市医師会 approves, the history gains it', async () => {
    const page = tab.page;
    await tab.goto('/');
    await statusPanel(page);
    await page.locator('#apply').getByRole('link', { name: '入会届' }).click();
    await form(page).getByRole('textbox', { name: '所属施設名' }).fill('札幌すずらんクリニック');
    await form(page).getByRole('combobox', { name: '入会する都道府県医師会' }).selectOption({ label: '北海道医師会' });
    await form(page)
      .getByRole('group', { name: /^札幌市医師会/ })
      .getByRole('checkbox', { name: '3層 札幌市医師会' })
      .check();
    await tab.shot('21-enrollment-1-affiliation');
    await form(page).getByRole('button', { name: '次へ' }).click();
    await form(page).getByRole('radio', { name: 'B会員（勤務医）' }).check();
    await form(page).getByRole('textbox', { name: '入会希望年月日' }).fill(enrollmentDate);
    await form(page).getByRole('radio', { name: 'なし' }).check();
    await form(page).getByRole('button', { name: '確認画面に進む' }).click();
    await form(page).getByRole('button', { name: '入会を申請する' }).click();
    await form(page).getByRole('heading', { name: '入会の申請を受付けました' }).waitFor();
    await backToTop(page);
    const [enrollment] = await statusPanel(page);
    expect(enrollment).toMatchObject({
      title: '入会届',
      facility: '所属施設名：札幌すずらんクリニック',
      targets: ['札幌市医師会 申請'],
    });

    // 修正 from the panel opens the form with what was filed.
    await page.locator('mamis-application-status').getByRole('button', { name: '入会届：修正' }).click();
    await page.waitForURL(/\/forms\/enrollment\?application=/);
    const facility = form(page).getByRole('textbox', { name: '所属施設名' });
    await expect.poll(() => facility.inputValue()).toBe('札幌すずらんクリニック');
    await facility.fill('札幌すずらん内科クリニック');
    await tab.shot('22-enrollment-2-edit');
    await form(page).getByRole('button', { name: '次へ' }).click();
    await form(page).getByRole('button', { name: '確認画面に進む' }).click();
    await form(page).getByRole('button', { name: '修正内容で申請する' }).click();
    await form(page).getByRole('heading', { name: '入会の申請を受付けました' }).waitFor();
    await backToTop(page);
    expect((await statusPanel(page))[0]?.facility).toBe('所属施設名：札幌すずらん内科クリニック');
    await tab.signOut();

    await tab.signIn('sapporo-office');
    await page.locator('.queue-table').getByRole('link', { name: '日医 太郎' }).click();
    expect(await page.locator('.confirm-table').first().textContent()).toContain('札幌すずらん内科クリニック');
    await Promise.all([page.waitForURL(/done=approve/), page.getByRole('button', { name: '承認' }).click()]);
    await tab.signOut();

    await tab.signIn('123456');
    expect((await statusPanel(page)).find((entry) => entry.title === '入会届')?.targets).toEqual(['札幌市医師会 承認']);
    await tab.goto('/history');
    expect(await historyRows(page)).toContainEqual([
      '3層札幌市医師会',
      '札幌すずらん内科クリニック',
      enrollmentDate,
      '在籍中',
    ]);
  });

  it('transfer: 異動届 from 千代田区 to 新宿区, 削除 from the panel, filed again, both offices approve', async () => {
    const page = tab.page;
    const fileTransfer = async (shots: boolean) => {
      await tab.goto('/forms/transfer');
      const chiyoda = form(page).getByRole('group', { name: /千代田丸の内クリニック/ });
      await chiyoda.getByRole('checkbox', { name: '3層 千代田区医師会' }).check();
      await form(page).getByRole('textbox', { name: '異動年月日' }).fill(transferDate);
      await form(page).getByRole('radio', { name: '転勤・転職' }).check();
      if (shots) await tab.shot('23-transfer-1-from');
      await form(page).getByRole('button', { name: '次へ' }).click();
      await form(page)
        .getByRole('combobox', { name: '異動先の都道府県医師会' })
        .selectOption({ label: '東京都医師会' });
      await form(page).getByRole('checkbox', { name: '3層 新宿区医師会' }).check();
      await form(page).getByRole('textbox', { name: '異動先の所属施設名' }).fill('新宿西口クリニック');
      if (shots) await tab.shot('24-transfer-2-to');
      await form(page).getByRole('button', { name: '確認画面に進む' }).click();
      await form(page).getByRole('button', { name: '異動を申請する' }).click();
      await form(page)
        .getByRole('heading', { name: /異動の申請を受付けました/ })
        .waitFor();
      await backToTop(page);
    };

    await fileTransfer(true);
    expect((await statusPanel(page)).find((entry) => entry.title === '異動届')?.targets).toEqual([
      '千代田区医師会 申請',
      '新宿区医師会 申請',
    ]);
    // 削除 from the panel, after its own confirmation: every association shows 取下げ.
    await page.locator('mamis-application-status').getByRole('button', { name: '異動届：削除' }).click();
    await page.locator('mamis-application-status').getByRole('dialog').waitFor();
    await tab.shot('25-mypage-delete-dialog');
    await page.locator('mamis-application-status').getByRole('button', { name: '削除する' }).click();
    await expect
      .poll(async () => (await statusPanel(page)).find((entry) => entry.title === '異動届')?.targets)
      .toEqual(['千代田区医師会 取下げ', '新宿区医師会 取下げ']);

    await fileTransfer(false);
    await tab.shot('26-mypage-three-applications');
    await tab.signOut();
    for (const office of ['chiyoda-office', 'shinjuku-office']) {
      await tab.signIn(office);
      await tab.goto('/office?status=submitted');
      await page.locator('.queue-table').getByRole('link', { name: '日医 太郎' }).click();
      await Promise.all([page.waitForURL(/done=approve/), page.getByRole('button', { name: '承認' }).click()]);
      await tab.signOut();
    }

    await tab.signIn('123456');
    const transfer = (await statusPanel(page)).find(
      (entry) => entry.title === '異動届' && entry.targets.some((target) => target.endsWith('承認')),
    );
    expect(transfer?.targets).toEqual(['千代田区医師会 承認', '新宿区医師会 承認']);
    await tab.goto('/history');
    const rows = await historyRows(page);
    expect(rows).toContainEqual(['3層千代田区医師会', '千代田丸の内クリニック', '2015/10/01', transferDate]);
    expect(rows).toContainEqual(['3層新宿区医師会', '新宿西口クリニック', transferDate, '在籍中']);
    await tab.shot('27-history-after-transfer');
    await tab.signOut();
  });

  it('shows the staff the form studio itself, built and loaded, that fits a phone', async () => {
    await tab.signIn('staff');
    const page = tab.page;
    expect(new URL(page.url()).pathname).toBe('/studio');
    const studio = page.locator('mamis-form-studio');
    expect(await studio.count()).toBe(1);
    // The page refers to the studio's bundle only once it is built; then the editor replaces the fallback text.
    expect(await page.locator('script[src="/components/mamis-studio.js"]').count()).toBe(1);
    await studio.locator('.cm-editor').waitFor();
    await expect.poll(() => studio.locator('.cm-content').textContent()).toContain('"id":');
    expect(await page.getByText('フォームスタジオはまだビルドされていません').isVisible()).toBe(false);

    expect(await tab.overflowAt(PHONE)).toBe(0);
    const editor = await studio.locator('.cm-editor').boundingBox();
    expect(editor?.width).toBeGreaterThan(200);
    expect((editor?.x ?? 0) + (editor?.width ?? 0)).toBeLessThanOrEqual(PHONE.width);
    expect(await studio.locator('.cm-editor').isVisible()).toBe(true);
    expect(await page.getByText('フォームスタジオはまだビルドされていません').isVisible()).toBe(false);
    await tab.overflowAt(DESKTOP);
    await tab.shot('28-studio');
    await tab.signOut();
  });

  it('passes axe-core’s accessibility checks on every page, member’s and office’s', async () => {
    // A context of its own: axe is injected from outside, which the pages' CSP would refuse.
    const context = await portal.browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    const found: Record<string, unknown[]> = {};
    const check = async (path: string, ready?: string) => {
      await page.goto(`${portal.url}${path}`, { waitUntil: 'networkidle' });
      if (ready) await page.locator(ready).first().waitFor();
      const violations = await axeViolations(page);
      if (violations.length > 0) found[path] = violations;
    };
    const signIn = async (login: string) => {
      await page.goto(`${portal.url}/login`);
      await page.getByLabel('医籍登録番号または事務局ID').fill(login);
      await page.getByLabel('パスワード').fill('demo1234');
      await Promise.all([
        page.waitForURL((url) => url.pathname !== '/login'),
        page.getByRole('button', { name: 'ログイン' }).click(),
      ]);
    };
    try {
      await check('/login');
      await signIn('123456');
      await check('/', 'mamis-application-status li.application');
      await check('/forms/withdrawal', 'mamis-form .title');
      await check('/history', 'mamis-membership-history tbody tr');
      for (const path of ['/profile', '/contact', '/notices', '/dev/mail']) await check(path);
      await page.getByRole('button', { name: 'ログアウト' }).click();
      await page.waitForURL(/\/login/);
      await signIn('otaru-office');
      await check('/office');
      const detail = await page.locator('.queue-link').first().getAttribute('href');
      await check(detail!);
      await check('/no-such-page');
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
