import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runAxe, screenshot } from '../support/browser.js';
import { JIRO, TARO } from '../support/demo-members.js';
import { type BrowserEnvironment, startBrowserEnvironment } from '../support/environment.js';
import { confirmRows, currentStep, describedBy } from '../support/form-probe.js';
import { applicationsOf, targetsOf } from '../support/server-records.js';

/**
 * The enrollment as 研修 次郎, who belongs nowhere yet (every chain is open to him), and the
 * transfer as 日医 太郎, whose own associations the server leaves out of the chains he can join.
 */
describe('<mamis-form> rendering the enrollment and transfer forms', () => {
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

  const ticked = (page: Page, group: RegExp | string) =>
    page
      .locator('mamis-form')
      .getByRole('group', { name: group })
      .getByRole('checkbox')
      .evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).checked));

  const allTicked = (page: Page) =>
    page
      .locator('mamis-form')
      .getByRole('checkbox')
      .evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).checked));

  /** Each field that shows an error, as `[its label, the error under it]`, in the order of the page. */
  const fieldErrors = (page: Page) =>
    page
      .locator('mamis-form .field')
      .evaluateAll((fields) =>
        fields
          .filter((field) => field.querySelector('.error'))
          .map((field) => [
            field.querySelector('.label-text')?.textContent?.trim() ?? '',
            field.querySelector('.error')?.textContent?.trim() ?? '',
          ]),
      );

  it('enrollment: the chains follow the chosen prefecture, and changing it clears the choice', async () => {
    const { page } = await env.open('/pages/form.html?form=enrollment&mode=property&api', { as: JIRO.login });
    const form = page.locator('mamis-form');
    await expect.poll(() => currentStep(page)).toBe('affiliation');
    expect(await form.getByText('先に「入会する都道府県医師会」を選択してください').isVisible()).toBe(true);
    await screenshot(page, 'enrollment-desktop-1-affiliation');
    expect(await runAxe(page)).toEqual([]);

    await form.getByRole('combobox', { name: '入会する都道府県医師会' }).selectOption({ label: '北海道医師会' });
    expect(await form.locator('.layer-legend').allTextContents()).toEqual([
      '北海道医師会 ／ 日本医師会',
      '小樽市医師会 ／ 北海道医師会 ／ 日本医師会',
      '札幌市医師会 ／ 北海道医師会 ／ 日本医師会',
      '函館市医師会 ／ 北海道医師会 ／ 日本医師会',
      '旭川市医師会 ／ 北海道医師会 ／ 日本医師会',
    ]);
    await form
      .getByRole('group', { name: /^札幌市医師会/ })
      .getByRole('checkbox', { name: '3層 札幌市医師会' })
      .check();
    expect(await ticked(page, /^札幌市医師会/)).toEqual([true, true, true]);

    await form.getByRole('combobox', { name: '入会する都道府県医師会' }).selectOption({ label: '東京都医師会' });
    expect(await form.locator('.layer-legend').allTextContents()).toEqual([
      '東京都医師会 ／ 日本医師会',
      '千代田区医師会 ／ 東京都医師会 ／ 日本医師会',
      '新宿区医師会 ／ 東京都医師会 ／ 日本医師会',
    ]);
    expect((await allTicked(page)).some(Boolean)).toBe(false);
  });

  it('enrollment: conditional fields appear with their conditions, and the confirm view has one section per step', async () => {
    const { page } = await env.open('/pages/form.html?form=enrollment&mode=property&api', { as: JIRO.login });
    const form = page.locator('mamis-form');
    await form.getByRole('textbox', { name: '所属施設名' }).fill('小樽みなと内科クリニック');
    await form.getByRole('combobox', { name: '入会する都道府県医師会' }).selectOption({ label: '北海道医師会' });
    await form.getByRole('checkbox', { name: '2層 北海道医師会' }).first().check();
    await form.getByRole('button', { name: '次へ' }).click();
    await expect.poll(() => currentStep(page)).toBe('details');

    const training = form.getByRole('textbox', { name: '臨床研修修了予定年月日' });
    expect(await training.count()).toBe(0);
    await form.getByRole('radio', { name: 'C会員（研修医）' }).check();
    await training.waitFor();
    const previous = form.getByRole('textbox', { name: '以前に所属していた医師会' });
    expect(await previous.count()).toBe(0);
    await form.getByRole('radio', { name: 'あり' }).check();
    await previous.waitFor();
    await form.getByRole('button', { name: '確認画面に進む' }).click();
    expect(await form.locator('.error-summary').getByRole('link').allTextContents()).toEqual([
      '臨床研修修了予定年月日を入力してください',
      '入会希望年月日を入力してください',
      '以前に所属していた医師会を入力してください',
    ]);
    await screenshot(page, 'enrollment-desktop-2-details-errors');
    expect(await runAxe(page)).toEqual([]);

    await training.fill('2026/03/31');
    await form.getByRole('textbox', { name: '入会希望年月日' }).fill('2024/11/01');
    await previous.fill('札幌市医師会');
    await form.getByRole('textbox', { name: '連絡事項' }).fill('よろしくお願いいたします。');
    await form.getByRole('button', { name: '確認画面に進む' }).click();
    await expect.poll(() => currentStep(page)).toBe('confirm');
    expect(await form.locator('.confirm-title').allTextContents()).toEqual(['所属・医師会選択', '会員区分・入会日']);
    expect(await confirmRows(page)).toEqual([
      ['所属施設名', '小樽みなと内科クリニック'],
      ['所属施設の所在地', '（未入力）'],
      ['入会する都道府県医師会', '北海道医師会'],
      ['入会申請先', '[2層] 北海道医師会 [1層] 日本医師会'],
      ['会員区分', 'C会員（研修医）'],
      ['臨床研修修了予定年月日', '2026/03/31'],
      ['入会希望年月日', '2024/11/01'],
      ['過去の医師会入会歴', 'あり'],
      ['以前に所属していた医師会', '札幌市医師会'],
      ['連絡事項', 'よろしくお願いいたします。'],
    ]);
    await screenshot(page, 'enrollment-desktop-3-confirm');
    expect(await runAxe(page)).toEqual([]);
    await form.getByRole('button', { name: '入会を申請する' }).click();
    await expect.poll(() => currentStep(page)).toBe('done');
    expect(await form.getByRole('heading', { name: '入会の申請を受付けました' }).isVisible()).toBe(true);
    await screenshot(page, 'enrollment-desktop-4-complete');
    expect(await runAxe(page)).toEqual([]);
    const [filed] = await applicationsOf(env.server.db, JIRO.memberId);
    expect(filed?.form_id).toBe('enrollment');
    expect(await targetsOf(env.server.db, filed!.id)).toEqual([
      ['jma', 'join', 'submitted'],
      ['pref-01', 'join', 'submitted'],
    ]);
  });

  it('transfer: leaving cascades downward, joining does not cascade, and both target lists are confirmed', async () => {
    const { page } = await env.open('/pages/form.html?form=transfer&mode=property&api');
    const form = page.locator('mamis-form');
    await expect.poll(() => currentStep(page)).toBe('from');
    await form
      .getByRole('group', { name: /青柳皮膚科医院/ })
      .getByRole('checkbox', { name: '2層 北海道医師会' })
      .check();
    expect(await ticked(page, /青柳皮膚科医院/)).toEqual([true, true, false]); // 2層 takes 3層 below it
    await form.getByRole('textbox', { name: '異動年月日' }).fill('2024/12/01');
    await form.getByRole('radio', { name: '転勤・転職' }).check();
    await screenshot(page, 'transfer-desktop-1-from');
    expect(await runAxe(page)).toEqual([]);
    await form.getByRole('button', { name: '次へ' }).click();
    await expect.poll(() => currentStep(page)).toBe('to');

    await form.getByRole('combobox', { name: '異動先の都道府県医師会' }).selectOption({ label: '神奈川県医師会' });
    // 日本医師会 stays out: he belongs to it through his Hokkaido group.
    expect(await form.locator('.layer-legend').allTextContents()).toEqual([
      '神奈川県医師会',
      '横浜市医師会 ／ 神奈川県医師会',
    ]);
    await form
      .getByRole('group', { name: /^横浜市医師会/ })
      .getByRole('checkbox', { name: '2層 神奈川県医師会' })
      .check();
    expect(await ticked(page, /^横浜市医師会/)).toEqual([false, true]);
    await form.getByRole('textbox', { name: '異動先の所属施設名' }).fill('横浜ベイサイド病院');
    await screenshot(page, 'transfer-desktop-2-to');
    expect(await runAxe(page)).toEqual([]);
    await form.getByRole('button', { name: '確認画面に進む' }).click();
    await expect.poll(() => currentStep(page)).toBe('confirm');
    expect(await confirmRows(page)).toEqual([
      ['異動元（退会する医師会）', '所属施設名：医療法人社団 青柳皮膚科医院 [3層] 小樽市医師会 [2層] 北海道医師会'],
      ['異動年月日', '2024/12/01'],
      ['異動事由', '転勤・転職'],
      ['異動先の都道府県医師会', '神奈川県医師会'],
      ['異動先（入会する医師会）', '[2層] 神奈川県医師会'],
      ['異動先の所属施設名', '横浜ベイサイド病院'],
    ]);
    await screenshot(page, 'transfer-desktop-3-confirm');
    expect(await runAxe(page)).toEqual([]);
    await form.getByRole('button', { name: '異動を申請する' }).click();
    await expect.poll(() => currentStep(page)).toBe('done');
    expect(await form.getByRole('heading', { name: '異動の申請を受付けました' }).isVisible()).toBe(true);
    await screenshot(page, 'transfer-desktop-4-complete');
    expect(await runAxe(page)).toEqual([]);
    const [filed] = await applicationsOf(env.server.db, TARO.memberId);
    expect(filed?.form_id).toBe('transfer');
    expect(await targetsOf(env.server.db, filed!.id)).toEqual([
      ['city-otaru', 'leave', 'submitted'],
      ['pref-01', 'leave', 'submitted'],
      ['pref-14', 'join', 'submitted'],
    ]);
  });

  it('transfer: 次へ and 確認画面に進む with fields empty or invalid show the errors by their fields and in the summary', async () => {
    const { page } = await env.open('/pages/form.html?form=transfer&mode=property&api');
    const form = page.locator('mamis-form');
    const summary = form.locator('.error-summary');
    await expect.poll(() => currentStep(page)).toBe('from');

    // Nothing filled: the step stays, the summary takes focus, each message stands under its field.
    await form.getByRole('button', { name: '次へ' }).click();
    await summary.waitFor();
    expect(await summary.evaluate((element) => element.matches(':focus'))).toBe(true);
    expect(await summary.locator('.error-summary-title').textContent()).toBe('入力内容に誤りがあります');
    expect(await summary.getByText('3件の項目を確認してください。').isVisible()).toBe(true);
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      '異動元の医師会を選択してください',
      '異動年月日を入力してください',
      '異動事由を選択してください',
    ]);
    expect(await fieldErrors(page)).toEqual([
      ['異動元の医師会', '異動元の医師会を選択してください'],
      ['異動年月日', '異動年月日を入力してください'],
      ['異動事由', '異動事由を選択してください'],
    ]);
    const leaveFrom = form.getByRole('group', { name: '異動元の医師会' });
    expect(await describedBy(leaveFrom)).toEqual(['異動元の医師会を選択してください']);
    expect(await leaveFrom.getByRole('checkbox').first().getAttribute('aria-invalid')).toBe('true');
    const date = form.getByRole('textbox', { name: '異動年月日' });
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    expect(await describedBy(date)).toEqual(['(半角入力)', '異動年月日を入力してください']);
    const reason = form.getByRole('radiogroup', { name: '異動事由' });
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    expect(await describedBy(reason)).toEqual(['異動事由を選択してください']);
    expect(await currentStep(page)).toBe('from');
    await screenshot(page, 'transfer-desktop-1-from-errors');
    expect(await runAxe(page)).toEqual([]);

    // A group ticked, a date before today and その他 with no text: only the two wrong fields remain.
    await form
      .getByRole('group', { name: /青柳皮膚科医院/ })
      .getByRole('checkbox', { name: '3層 小樽市医師会' })
      .check();
    await date.fill('2024/09/30');
    await form.getByRole('radio', { name: 'その他' }).check();
    await form.getByRole('button', { name: '次へ' }).click();
    await expect
      .poll(() => summary.getByRole('link').allTextContents())
      .toEqual(['異動年月日は本日以降の日付を入力してください', 'その他の異動事由を入力してください']);
    expect(await fieldErrors(page)).toEqual([
      ['異動年月日', '異動年月日は本日以降の日付を入力してください'],
      ['その他の異動事由', 'その他の異動事由を入力してください'],
    ]);
    expect(await leaveFrom.getByRole('checkbox').first().getAttribute('aria-invalid')).toBe('false');
    expect(await reason.getAttribute('aria-invalid')).toBe('false');
    const other = form.getByRole('textbox', { name: 'その他の異動事由' });
    await other.fill('あ'.repeat(51));
    await other.blur();
    await expect
      .poll(() => describedBy(other))
      .toEqual(['(全角/半角50文字以内)', 'その他の異動事由は50文字以内で入力してください']);
    expect(await currentStep(page)).toBe('from');

    await date.fill('2024/12/01');
    await other.fill('診療所の承継のため');
    await form.getByRole('button', { name: '次へ' }).click();
    await expect.poll(() => currentStep(page)).toBe('to');
    expect(await fieldErrors(page)).toEqual([]);

    // The second step: its own required fields and the 100-character limit.
    await form.getByRole('button', { name: '確認画面に進む' }).click();
    await expect
      .poll(() => summary.getByRole('link').allTextContents())
      .toEqual([
        '異動先の都道府県医師会を選択してください',
        '異動先の医師会を選択してください',
        '異動先の所属施設名を入力してください',
      ]);
    expect(await fieldErrors(page)).toEqual([
      ['異動先の都道府県医師会', '異動先の都道府県医師会を選択してください'],
      ['異動先の医師会', '異動先の医師会を選択してください'],
      ['異動先の所属施設名', '異動先の所属施設名を入力してください'],
    ]);
    const prefecture = form.getByRole('combobox', { name: '異動先の都道府県医師会' });
    expect(await prefecture.getAttribute('aria-invalid')).toBe('true');
    expect(await describedBy(prefecture)).toEqual(['異動先の都道府県医師会を選択してください']);
    const facility = form.getByRole('textbox', { name: '異動先の所属施設名' });
    await facility.fill('あ'.repeat(101));
    await facility.blur();
    await expect
      .poll(() => describedBy(facility))
      .toEqual(['(全角/半角100文字以内)', '異動先の所属施設名は100文字以内で入力してください']);
    await screenshot(page, 'transfer-desktop-2-to-errors');
    expect(await runAxe(page)).toEqual([]);
    expect(await currentStep(page)).toBe('to');
    expect(await applicationsOf(env.server.db, TARO.memberId)).toEqual([]);
  });
});
