import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { focused, focusRingShown, tabTo } from '../support/browser.js';
import { JIRO, TARO } from '../support/demo-members.js';
import { type BrowserEnvironment, startBrowserEnvironment } from '../support/environment.js';
import { currentStep } from '../support/form-probe.js';
import { applicationsOf } from '../support/server-records.js';

/** Every form filled and sent with the keyboard alone: Tab, Shift+Tab, Space, Enter, arrows, typing. */
describe('<mamis-form> with the keyboard only', () => {
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

  async function open(formId: string, as: string = TARO.login): Promise<Page> {
    const { page } = await env.open(`/pages/form.html?form=${formId}&mode=property&api`, { as });
    await page.locator('mamis-form .title').waitFor();
    return page;
  }

  /** Tabs to the element and checks that it shows a focus ring. */
  async function reach(page: Page, matches: Parameters<typeof tabTo>[1]) {
    await tabTo(page, matches);
    expect(await focusRingShown(page), JSON.stringify(await focused(page))).toBe(true);
  }

  const button = (label: string) => (element: Awaited<ReturnType<typeof focused>>) =>
    element.tag === 'button' && (element.text === label || element.name === label);
  const id = (value: string) => (element: Awaited<ReturnType<typeof focused>>) => element.id === value;

  /** What the server stored of the member's one application. */
  async function filedData(memberId: string) {
    const filed = await applicationsOf(env.server.db, memberId);
    expect(filed).toHaveLength(1);
    return filed[0]!.data;
  }

  it('completes the withdrawal, picking the date from the calendar with arrow keys', async () => {
    const page = await open('withdrawal');
    await reach(page, button('退会する'));
    await page.keyboard.press('Enter');
    expect((await focused(page)).text).toBe('キャンセル'); // the dialog opens on its harmless choice
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page)).text).toBe('実行する');
    await page.keyboard.press('Enter');
    await expect.poll(() => currentStep(page)).toBe('select');

    await reach(page, id('field-withdrawFrom')); // 3層 小樽市医師会
    await page.keyboard.press('Space');
    await reach(page, button('退会希望年月日をカレンダーから選択'));
    await page.keyboard.press('Enter');
    expect((await focused(page)).name).toBe('2024年10月1日（火）'); // today, the first day allowed
    for (const key of ['ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowRight', 'ArrowRight']) {
      await page.keyboard.press(key);
    }
    expect((await focused(page)).name).toBe('2024年10月31日（木）');
    await page.keyboard.press('Enter');
    expect((await focused(page)).name).toBe('退会希望年月日をカレンダーから選択');
    expect(await page.locator('mamis-form').getByRole('textbox', { name: '退会希望年月日' }).inputValue()).toBe(
      '2024/10/31',
    );

    await reach(page, (element) => element.type === 'radio');
    await page.keyboard.press('ArrowRight'); // 廃業・退職 → 死亡, chosen by moving
    await page.keyboard.press('ArrowLeft');
    await reach(page, button('確認画面に進む'));
    await page.keyboard.press('Enter');
    await expect.poll(() => currentStep(page)).toBe('confirm');
    await reach(page, button('退会を申請する'));
    await page.keyboard.press('Enter');
    await expect.poll(() => currentStep(page)).toBe('done');
    expect(await filedData(TARO.memberId)).toEqual({
      withdrawFrom: { groupId: TARO.aoyagi, associationIds: ['city-otaru', 'pref-01', 'jma'] },
      withdrawalDate: '2024-10-31',
      reason: 'retirement',
    });
  });

  it('completes the enrollment: typed text, a drop-down, a chain of associations, radios and a date', async () => {
    const page = await open('enrollment', JIRO.login);
    await reach(page, id('field-facilityName'));
    await page.keyboard.type('小樽みなと内科クリニック');
    await reach(page, id('field-prefecture'));
    await page.keyboard.press('ArrowDown'); // 選択してください → 北海道医師会
    await reach(page, id('field-joinTo')); // the first chain's 2層 北海道医師会
    await page.keyboard.press('Space');
    await reach(page, button('次へ'));
    await page.keyboard.press('Enter');
    await expect.poll(() => currentStep(page)).toBe('details');

    await reach(page, id('field-memberClass'));
    await page.keyboard.press('Space');
    await reach(page, id('field-enrollmentDate'));
    await page.keyboard.type('2024/11/01');
    await reach(page, id('field-previousMembership'));
    await page.keyboard.press('Space');
    await reach(page, button('確認画面に進む'));
    await page.keyboard.press('Enter');
    await expect.poll(() => currentStep(page)).toBe('confirm');
    await reach(page, button('入会を申請する'));
    await page.keyboard.press('Enter');
    await expect.poll(() => currentStep(page)).toBe('done');
    expect(await filedData(JIRO.memberId)).toEqual({
      facilityName: '小樽みなと内科クリニック',
      prefecture: 'pref-01',
      joinTo: { groupId: 'chain:pref-01', associationIds: ['pref-01', 'jma'] },
      memberClass: 'A1',
      enrollmentDate: '2024-11-01',
      previousMembership: 'no',
    });
  });

  it('completes the transfer over its two steps, going back once with 戻る', async () => {
    const page = await open('transfer');
    await reach(page, id('field-leaveFrom'));
    await page.keyboard.press('Space');
    await reach(page, id('field-transferDate'));
    await page.keyboard.type('2024/12/01');
    await reach(page, id('field-reason'));
    await page.keyboard.press('Space');
    await reach(page, button('次へ'));
    await page.keyboard.press('Enter');
    await expect.poll(() => currentStep(page)).toBe('to');

    await reach(page, button('戻る'));
    await page.keyboard.press('Enter');
    await expect.poll(() => currentStep(page)).toBe('from');
    await reach(page, button('次へ'));
    await page.keyboard.press('Enter');
    await expect.poll(() => currentStep(page)).toBe('to');

    await reach(page, id('field-destinationPrefecture'));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown'); // 青森県医師会
    await reach(page, id('field-joinTo')); // its own chain: 青森県医師会 (日本医師会 he has)
    await page.keyboard.press('Space');
    await reach(page, id('field-newFacilityName'));
    await page.keyboard.type('青森さくら病院');
    await reach(page, button('確認画面に進む'));
    await page.keyboard.press('Enter');
    await expect.poll(() => currentStep(page)).toBe('confirm');
    await reach(page, button('異動を申請する'));
    await page.keyboard.press('Enter');
    await expect.poll(() => currentStep(page)).toBe('done');
    expect(await filedData(TARO.memberId)).toEqual({
      leaveFrom: { groupId: TARO.aoyagi, associationIds: ['city-otaru'] },
      transferDate: '2024-12-01',
      reason: 'relocation',
      destinationPrefecture: 'pref-02',
      joinTo: { groupId: 'chain:pref-02', associationIds: ['pref-02'] },
      newFacilityName: '青森さくら病院',
    });
  });

  it('closes the calendar with Escape and gives focus back to its button', async () => {
    const page = await open('withdrawal');
    await reach(page, button('退会する'));
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await reach(page, button('退会希望年月日をカレンダーから選択'));
    await page.keyboard.press('Enter');
    expect((await focused(page)).name).toMatch(/^2024年10月1日/);
    await page.keyboard.press('PageDown');
    expect((await focused(page)).name).toMatch(/^2024年11月1日/);
    await page.keyboard.press('Escape');
    expect((await focused(page)).name).toBe('退会希望年月日をカレンダーから選択');
    expect(await page.locator('mamis-calendar').getAttribute('open')).toBeNull();
    expect(await currentStep(page)).toBe('select');
  });
});
