import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runAxe, screenshot } from '../support/browser.js';
import { type BrowserEnvironment, startBrowserEnvironment } from '../support/environment.js';
import { fieldConformance } from '../support/field-conformance.js';
import { confirmRows, currentStep, hostLog } from '../support/form-probe.js';

/**
 * A definition the components have never seen (every widget, a condition across steps) and the
 * same conformance checks run for every widget: labelled, aria-invalid on error, the error
 * described by id in the same root, axe-clean.
 */
describe('<mamis-form> with a form of no known kind', () => {
  let env: BrowserEnvironment;
  let page: Page;

  beforeAll(async () => {
    env = await startBrowserEnvironment({ server: false }); // the pages pass the definition: no API
    ({ page } = await env.open('/pages/form.html?form=gallery&mode=property'));
    await page.locator('mamis-form .title').waitFor();
  });

  afterAll(async () => {
    await env?.close();
  });

  afterEach(async () => {
    expect(await runAxe(page)).toEqual([]);
  });

  const form = () => page.locator('mamis-form');

  function expectConforming(fields: Awaited<ReturnType<typeof fieldConformance>>) {
    for (const field of fields) {
      expect(field.labelled, `${field.field} is labelled`).toBe(true);
      expect(field.invalid, `${field.field} aria-invalid`).toBe(field.error !== null);
      expect(field.errorDescribed, `${field.field} error described`).toBe(field.error !== null);
    }
  }

  it('picks each widget from what the schema and UI metadata say', async () => {
    expect(await form().getByRole('textbox', { name: '氏名' }).getAttribute('type')).toBe('text');
    expect(
      await form()
        .getByRole('textbox', { name: '備考' })
        .evaluate((element) => element.tagName),
    ).toBe('TEXTAREA');
    expect(await form().getByRole('textbox', { name: '人数' }).getAttribute('inputmode')).toBe('decimal');
    expect(await form().getByRole('radiogroup', { name: '色' }).getByRole('radio').count()).toBe(3);
    expect(await form().getByRole('combobox', { name: '大きさ' }).locator('option').count()).toBe(7); // 6 + 選択してください
    expectConforming(await fieldConformance(page));
  });

  it('every widget shows its error the same way after 次へ', async () => {
    await form().getByRole('button', { name: '次へ' }).click();
    const fields = await fieldConformance(page);
    expect(fields.map((field) => [field.field, field.error])).toEqual([
      ['name', '氏名を入力してください'],
      ['note', null],
      ['count', '人数を入力してください'],
      ['colour', '色を選択してください'],
      ['size', '大きさを選択してください'],
      ['hasDetail', '詳細の有無を選択してください'],
    ]);
    expectConforming(fields);
    await screenshot(page, 'gallery-desktop-1-errors');
  });

  it('counts characters as people do and reads full-width digits as numbers', async () => {
    await form().getByRole('textbox', { name: '氏名' }).fill('𠮷野家の本日の特別な方');
    await form().getByRole('textbox', { name: '人数' }).fill('１０');
    await form().getByRole('textbox', { name: '人数' }).blur();
    const errors = Object.fromEntries((await fieldConformance(page)).map((field) => [field.field, field.error]));
    expect(errors.name).toBe('氏名は10文字以内で入力してください');
    expect(errors.count).toBe('人数は9以下の値を入力してください');
    await form().getByRole('textbox', { name: '氏名' }).fill('𠮷野 花子');
    await form().getByRole('textbox', { name: '人数' }).fill('３');
    await form().getByRole('radio', { name: '緑' }).check();
    await form().getByRole('combobox', { name: '大きさ' }).selectOption('m');
    await form().getByRole('radio', { name: 'なし' }).check();
    await form().getByRole('textbox', { name: '人数' }).blur();
    expectConforming(await fieldConformance(page));
    expect((await fieldConformance(page)).every((field) => field.error === null)).toBe(true);
  });

  it('the second step checks a checkbox list, a date and a group picker without cascade', async () => {
    await form().getByRole('button', { name: '次へ' }).click();
    await expect.poll(() => currentStep(page)).toBe('second');
    expect(await form().getByRole('textbox', { name: '詳細' }).count()).toBe(0); // 詳細の有無 = なし
    await form().getByRole('button', { name: '確認画面に進む' }).click();
    const fields = await fieldConformance(page);
    expect(fields.filter((field) => field.error).map((field) => field.field)).toEqual(['days', 'startDate', 'group']);
    expectConforming(fields);
    await form().getByRole('checkbox', { name: '案内を希望する' }).check();
    await form().getByRole('checkbox', { name: '火曜' }).check();
    await form().getByRole('textbox', { name: '開始日' }).fill('2024年10月5日');
    await form()
      .getByRole('group', { name: /中央記念病院/ })
      .getByRole('checkbox', { name: '2層 東京都医師会' })
      .check();
    expect(
      await form()
        .getByRole('group', { name: /中央記念病院/ })
        .getByRole('checkbox')
        .evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).checked)),
    ).toEqual([false, true, false]);
    await screenshot(page, 'gallery-desktop-2-second');
    await form().getByRole('button', { name: '確認画面に進む' }).click();
    await expect.poll(() => currentStep(page)).toBe('confirm');
  });

  it('re-checks every step on the way back to the confirm step: an earlier answer made a later field required', async () => {
    await form().getByRole('button', { name: '基本を修正' }).click();
    await expect.poll(() => currentStep(page)).toBe('first');
    await form().getByRole('radio', { name: 'あり' }).check();
    await form().getByRole('button', { name: '次へ' }).click(); // straight back towards the confirm step…
    await expect.poll(() => currentStep(page)).toBe('second'); // …stopped where 詳細 is now required
    expect(await form().locator('.error-summary').getByRole('link').allTextContents()).toEqual([
      '詳細を入力してください',
    ]);
    await form().getByRole('textbox', { name: '詳細' }).fill('二階席希望');
    await form().getByRole('button', { name: '確認画面に進む' }).click();
    await expect.poll(() => currentStep(page)).toBe('confirm');
    expect(await confirmRows(page)).toEqual([
      ['氏名', '𠮷野 花子'],
      ['備考', '（未入力）'],
      ['人数', '3'],
      ['色', '緑'],
      ['大きさ', 'M'],
      ['詳細の有無', 'あり'],
      ['案内を希望する', 'はい'],
      ['詳細', '二階席希望'],
      ['曜日', '火曜'],
      ['開始日', '2024/10/05'],
      ['所属', '所属施設名：中央記念病院 [2層] 東京都医師会'],
    ]);
  });

  it('with no API, sends nothing and hands the normalised data to the host in mamis-submitted', async () => {
    await form().getByRole('button', { name: '送信する' }).click();
    await expect.poll(() => currentStep(page)).toBe('done');
    const submitted = (await hostLog(page)).find((event) => event.type === 'mamis-submitted')!;
    expect(submitted.detail.application).toBeNull();
    expect(submitted.detail.data).toEqual({
      name: '𠮷野 花子',
      count: 3,
      colour: 'green',
      size: 'm',
      hasDetail: 'yes',
      agree: true,
      detail: '二階席希望',
      days: ['tue'],
      startDate: '2024-10-05',
      group: { groupId: 'group-chuo', associationIds: ['tokyo'] },
    });
    expect(env.host.apiCalls).toEqual([]);
  });
});
