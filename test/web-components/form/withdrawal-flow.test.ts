import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAxe, screenshot } from '../support/browser.js';
import { TARO } from '../support/demo-members.js';
import { type BrowserEnvironment, startBrowserEnvironment } from '../support/environment.js';
import { confirmRows, currentStep, describedBy, hostLog } from '../support/form-probe.js';
import { applicationsOf, draftOf, eventTypesOf } from '../support/server-records.js';

/**
 * The manual's withdrawal, screen by screen, in one page: each test continues where the one
 * before left off. Every screen is checked with axe and photographed. The host page passes the
 * definition, the member's sources and today as it got them from the server, and the form files
 * through the server's API.
 */
describe('<mamis-form> walking the withdrawal form (退会届)', () => {
  let env: BrowserEnvironment;
  let page: Page;
  let cspViolations: () => Promise<string[]>;
  let errors: string[];
  let failedResponses: string[];

  beforeAll(async () => {
    env = await startBrowserEnvironment();
    ({ page, cspViolations, errors, failedResponses } = await env.open(
      '/pages/form.html?form=withdrawal&mode=property&api',
    ));
    await page.locator('mamis-form .title').waitFor();
  });

  afterAll(async () => {
    await env?.close();
  });

  const form = () => page.locator('mamis-form');
  const otaru = () => form().getByRole('group', { name: /青柳皮膚科医院/ });
  const chiyoda = () => form().getByRole('group', { name: /千代田丸の内クリニック/ });

  async function expectAccessible() {
    expect(await runAxe(page)).toEqual([]);
  }

  it('opens on the retention screen listing the benefits, with 入会を継続する and 退会する', async () => {
    await expect.poll(() => currentStep(page)).toBe('retention');
    await expect(form().locator('.block-list li').count()).resolves.toBe(6);
    await expect(form().getByText('日本医師会医師賠償責任保険に加入できます。').isVisible()).resolves.toBe(true);
    await expect(form().getByRole('button', { name: '入会を継続する' }).isVisible()).resolves.toBe(true);
    await screenshot(page, 'withdrawal-desktop-1-retention');
    await expectAccessible();
  });

  it('入会を継続する leaves the form with a mamis-cancel event', async () => {
    await form().getByRole('button', { name: '入会を継続する' }).click();
    const cancels = (await hostLog(page)).filter((event) => event.type === 'mamis-cancel');
    expect(cancels).toEqual([{ type: 'mamis-cancel', detail: { formId: 'withdrawal', stepId: 'retention' } }]);
  });

  it('退会する asks 本当に退会しますか？ in a modal dialog focused on キャンセル', async () => {
    await form().getByRole('button', { name: '退会する' }).click();
    const dialog = form().getByRole('dialog', { name: '本当に退会しますか？' });
    await dialog.waitFor();
    expect(await dialog.evaluate((element) => (element as HTMLDialogElement).open && element.matches(':modal'))).toBe(
      true,
    );
    expect(await dialog.getByRole('button', { name: 'キャンセル' }).evaluate((b) => b.matches(':focus'))).toBe(true);
    await screenshot(page, 'withdrawal-desktop-2-dialog');
    await expectAccessible();
  });

  it('キャンセル in the dialog returns to the retention screen', async () => {
    await form().getByRole('dialog').getByRole('button', { name: 'キャンセル' }).click();
    await expect.poll(() => currentStep(page)).toBe('retention');
    expect(await form().locator('dialog').count()).toBe(0);
  });

  it('実行する opens step 1 医師会選択 with the stepper "1 医師会選択 — 2 確認・申請"', async () => {
    await form().getByRole('button', { name: '退会する' }).click();
    await form().getByRole('dialog').getByRole('button', { name: '実行する' }).click();
    await expect.poll(() => currentStep(page)).toBe('select');
    const stepper = form().getByRole('list', { name: '申請の手順' });
    expect((await stepper.locator('li').allTextContents()).map((text) => text.replace(/\s+/g, ''))).toEqual([
      '11.医師会選択',
      '22.確認・申請',
    ]);
    expect(await stepper.locator('li[aria-current="step"]').textContent()).toContain('医師会選択');
    await expect(form().locator('.badge').allTextContents()).resolves.toEqual(['必須', '必須', '必須']);
    await expect(form().getByText('(半角入力)').isVisible()).resolves.toBe(true);
    expect(
      await otaru()
        .getByRole('checkbox')
        .evaluateAll((boxes) => boxes.map((box) => box.parentElement?.textContent?.trim().replace(/\s+/g, ' '))),
    ).toEqual(['3層 小樽市医師会', '2層 北海道医師会', '1層 日本医師会']);
    await screenshot(page, 'withdrawal-desktop-3-select');
    await expectAccessible();
  });

  it('確認画面に進む with nothing filled shows the errors inline and in a summary that takes focus', async () => {
    await form().getByRole('button', { name: '確認画面に進む' }).click();
    const summary = form().locator('.error-summary');
    await summary.waitFor();
    expect(await summary.evaluate((element) => element.matches(':focus'))).toBe(true);
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      '退会する医師会を選択してください',
      '退会希望年月日を入力してください',
      '退会事由を選択してください',
    ]);
    const date = form().getByRole('textbox', { name: '退会希望年月日' });
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    expect(await describedBy(date)).toEqual(['(半角入力)', '退会希望年月日を入力してください']);
    const reason = form().getByRole('radiogroup', { name: '退会事由' });
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    expect(await describedBy(reason)).toEqual(['退会事由を選択してください']);
    expect(await otaru().getByRole('checkbox').first().getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'withdrawal-desktop-4-errors');
    await expectAccessible();
  });

  it('a link in the error summary moves focus to its field', async () => {
    await form().locator('.error-summary').getByRole('link', { name: '退会希望年月日を入力してください' }).click();
    expect(
      await form()
        .getByRole('textbox', { name: '退会希望年月日' })
        .evaluate((input) => input.matches(':focus')),
    ).toBe(true);
  });

  it('ticking 3層 ticks 2層 and 1層 of the same group, and clears its error inline and in the summary', async () => {
    await otaru().getByRole('checkbox', { name: '3層 小樽市医師会' }).check();
    expect(
      await otaru()
        .getByRole('checkbox')
        .evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).checked)),
    ).toEqual([true, true, true]);
    await expect.poll(() => form().getByText('退会する医師会を選択してください', { exact: true }).count()).toBe(0);
    expect(await otaru().getByRole('checkbox').first().getAttribute('aria-invalid')).toBe('false');
  });

  it('unticking 2層 also unticks the 3層 below it, and 1層 stays', async () => {
    await otaru().getByRole('checkbox', { name: '2層 北海道医師会' }).uncheck();
    expect(
      await otaru()
        .getByRole('checkbox')
        .evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).checked)),
    ).toEqual([false, false, true]);
  });

  it('ticking in another group starts over there: one group per application', async () => {
    await chiyoda().getByRole('checkbox', { name: '2層 東京都医師会' }).check();
    const ticked = async () =>
      [otaru(), chiyoda()].map(async (group) =>
        group.getByRole('checkbox').evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).checked)),
      );
    expect(await Promise.all(await ticked())).toEqual([
      [false, false, false],
      [false, true],
    ]);
    await otaru().getByRole('checkbox', { name: '3層 小樽市医師会' }).check();
    expect(await Promise.all(await ticked())).toEqual([
      [true, true, true],
      [false, false],
    ]);
  });

  it('rejects a date before today when the member leaves the field', async () => {
    const date = form().getByRole('textbox', { name: '退会希望年月日' });
    await date.fill('2024/09/30');
    await date.blur();
    await expect
      .poll(() => describedBy(date))
      .toEqual(['(半角入力)', '退会希望年月日は本日以降の日付を入力してください']);
  });

  it('accepts a date typed with full-width digits and shows it as yyyy/mm/dd', async () => {
    const date = form().getByRole('textbox', { name: '退会希望年月日' });
    await date.fill('２０２４／１０／３１');
    await date.blur();
    await expect.poll(() => date.inputValue()).toBe('2024/10/31');
    expect(await date.getAttribute('aria-invalid')).toBe('false');
    expect(await describedBy(date)).toEqual(['(半角入力)']);
  });

  it('その他 shows its text field at once, and 51 characters fail with the 50文字以内 message', async () => {
    const other = form().getByRole('textbox', { name: 'その他の退会事由' });
    expect(await other.count()).toBe(0);
    await form().getByRole('radio', { name: 'その他' }).check();
    await other.waitFor();
    await other.fill('あ'.repeat(51));
    await other.blur();
    await expect
      .poll(() => describedBy(other))
      .toEqual(['(全角/半角50文字以内)', 'その他の退会事由は50文字以内で入力してください']);
    await other.fill('医院を閉じて海外で研究に専念するため');
    await other.blur();
    await expect.poll(() => other.getAttribute('aria-invalid')).toBe('false');
    await screenshot(page, 'withdrawal-desktop-5-filled');
    await expectAccessible();
  });

  it('hides the その他 text field again when another reason is chosen, and keeps what was typed', async () => {
    await form().getByRole('radio', { name: '死亡' }).check();
    expect(await form().getByRole('textbox', { name: 'その他の退会事由' }).count()).toBe(0);
    await form().getByRole('radio', { name: 'その他' }).check();
    expect(await form().getByRole('textbox', { name: 'その他の退会事由' }).inputValue()).toBe(
      '医院を閉じて海外で研究に専念するため',
    );
  });

  it('the confirm step shows 退会申請先 with the facility and the targets by layer', async () => {
    await form().getByRole('button', { name: '確認画面に進む' }).click();
    await expect.poll(() => currentStep(page)).toBe('confirm');
    expect(await form().locator('.stepper li[aria-current="step"]').textContent()).toContain('確認・申請');
    expect(await confirmRows(page)).toEqual([
      ['退会申請先', '所属施設名：医療法人社団 青柳皮膚科医院 [3層] 小樽市医師会 [2層] 北海道医師会 [1層] 日本医師会'],
      ['退会希望年月日', '2024/10/31'],
      ['退会事由', 'その他'],
      ['その他の退会事由', '医院を閉じて海外で研究に専念するため'],
    ]);
    await expect(form().getByRole('button', { name: '退会を申請する' }).isEnabled()).resolves.toBe(true);
    await screenshot(page, 'withdrawal-desktop-6-confirm');
    await expectAccessible();
  });

  it('修正 goes back to its step with the answers kept, and 確認画面に進む returns to the confirm step', async () => {
    await form().getByRole('button', { name: '医師会選択を修正' }).click();
    await expect.poll(() => currentStep(page)).toBe('select');
    expect(await form().getByRole('textbox', { name: '退会希望年月日' }).inputValue()).toBe('2024/10/31');
    await form().getByRole('radio', { name: '廃業・退職' }).check();
    await form().getByRole('button', { name: '確認画面に進む' }).click();
    await expect.poll(() => currentStep(page)).toBe('confirm');
    expect((await confirmRows(page)).slice(1)).toEqual([
      ['退会希望年月日', '2024/10/31'],
      ['退会事由', '廃業・退職'],
    ]);
  });

  it('退会を申請する files the application once and shows the completion', async () => {
    await form().getByRole('button', { name: '退会を申請する' }).click();
    await expect.poll(() => currentStep(page)).toBe('done');
    await expect(form().getByRole('heading', { name: '退会の申請を受付けました' }).isVisible()).resolves.toBe(true);
    const posts = env.host.callsTo('POST', '/api/forms/withdrawal/submissions');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.headers['idempotency-key']).toMatch(/^[0-9a-f-]{32,36}$/);
    const db = env.server.db;
    const filed = await applicationsOf(db, TARO.memberId);
    expect(filed).toMatchObject([
      {
        form_id: 'withdrawal',
        form_version: 1,
        status: 'open',
        idempotency_key: posts[0]!.headers['idempotency-key'],
        data: {
          withdrawFrom: { groupId: TARO.aoyagi, associationIds: ['city-otaru', 'pref-01', 'jma'] },
          withdrawalDate: '2024-10-31',
          reason: 'retirement',
        },
      },
    ]);
    expect(await eventTypesOf(db, filed[0]!.id)).toEqual(['submitted']);
    const submitted = (await hostLog(page)).filter((event) => event.type === 'mamis-submitted');
    expect(submitted).toHaveLength(1);
    expect((submitted[0]!.detail.application as { id: string }).id).toBe(filed[0]!.id);
    expect(await draftOf(db, TARO.memberId, 'withdrawal')).toBeUndefined();
    await screenshot(page, 'withdrawal-desktop-7-complete');
    await expectAccessible();
  });

  it('raised no page errors and no Content-Security-Policy violations on the way', async () => {
    expect(errors).toEqual([]);
    expect(failedResponses).toEqual(['404 /api/me/drafts/withdrawal']); // no draft to offer at the start
    expect(await cspViolations()).toEqual([]);
  });
});
