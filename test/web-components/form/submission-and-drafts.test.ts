import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fileApplication, saveDraft } from '../support/demo-activity.js';
import { TARO } from '../support/demo-members.js';
import { type BrowserEnvironment, startBrowserEnvironment } from '../support/environment.js';
import { readDefinition } from '../support/form-catalogue.js';
import { browserStorage, currentStep, describedBy } from '../support/form-probe.js';
import { applicationsOf, draftOf, eventTypesOf } from '../support/server-records.js';

const FORM_PAGE = '/pages/form.html?form=withdrawal&mode=api';
const SUBMISSIONS = '/api/forms/withdrawal/submissions';
const VERSION = readDefinition('withdrawal').version;
/** Matches the submission requests whatever their query (the page's `?lang=`). */
const toSubmissions = (url: URL) => url.pathname === SUBMISSIONS;

/** The manual's withdrawal from 小樽市医師会, after the upward cascade, as the server stores it. */
const AOYAGI_ALL_LAYERS = { groupId: TARO.aoyagi, associationIds: ['city-otaru', 'pref-01', 'jma'] };

/** The suites' day is 2024-10-01: late that evening, and just after the following midnight. */
const LATE_EVENING = '2024-10-01T23:58:00+09:00';
const AFTER_MIDNIGHT = '2024-10-02T00:01:00+09:00';

describe('<mamis-form> talking to the server', () => {
  let env: BrowserEnvironment;

  beforeAll(async () => {
    env = await startBrowserEnvironment();
  });

  afterAll(async () => {
    await env?.close();
  });

  afterEach(async () => {
    await env.closePages();
  });

  const db = () => env.server.db;
  const draft = () => draftOf(db(), TARO.memberId, 'withdrawal');

  async function openAtSelect(path = FORM_PAGE): Promise<Page> {
    const { page } = await env.open(path);
    const form = page.locator('mamis-form');
    await form.getByRole('button', { name: '退会する' }).click();
    await form.getByRole('button', { name: '実行する' }).click();
    await form.getByRole('button', { name: '確認画面に進む' }).waitFor();
    return page;
  }

  async function fill(page: Page, date = '2024/10/31') {
    const form = page.locator('mamis-form');
    await form.getByRole('checkbox', { name: '3層 小樽市医師会' }).check();
    await form.getByRole('textbox', { name: '退会希望年月日' }).fill(date);
    await form.getByRole('radio', { name: '廃業・退職' }).check();
  }

  async function openAtConfirm(date?: string): Promise<Page> {
    const page = await openAtSelect();
    await fill(page, date);
    await page.locator('mamis-form').getByRole('button', { name: '確認画面に進む' }).click();
    await expect.poll(() => currentStep(page)).toBe('confirm');
    return page;
  }

  /**
   * A form left open past midnight: the page got 2024-10-01 as today and accepted it as the
   * withdrawal date; by the time 退会を申請する is pressed the server's day has moved on.
   */
  async function submitAfterMidnight(): Promise<Page> {
    env.server.setTime(LATE_EVENING);
    const page = await openAtConfirm('2024/10/01');
    env.server.setTime(AFTER_MIDNIGHT);
    await page.locator('mamis-form').getByRole('button', { name: '退会を申請する' }).click();
    await expect.poll(() => currentStep(page)).toBe('select');
    return page;
  }

  it('fetches the definition, the sources and the validator from the API by form id', async () => {
    const page = await openAtSelect();
    const gets = env.host.callsTo('GET', '/api/forms/withdrawal').map((call) => call.path);
    expect(gets).toEqual(
      expect.arrayContaining(['/api/forms/withdrawal', `/api/forms/withdrawal/versions/${VERSION}/validator.js`]),
    );
    // The groups offered are the signed-in member's own, as the server resolved them.
    const chiyoda = page.locator('mamis-form').getByRole('group', { name: '所属施設名：千代田丸の内クリニック' });
    expect(
      await chiyoda
        .getByRole('checkbox')
        .evaluateAll((boxes) => boxes.map((box) => box.parentElement?.textContent?.trim().replace(/\s+/g, ' '))),
    ).toEqual(['3層 千代田区医師会', '2層 東京都医師会']);
  });

  it('keeps a draft on the server shortly after a change, and nothing in the browser', async () => {
    const page = await openAtSelect();
    await fill(page);
    await expect
      .poll(async () => (await draft())?.data, { timeout: 5000 })
      .toEqual({ withdrawFrom: AOYAGI_ALL_LAYERS, withdrawalDate: '2024/10/31', reason: 'retirement' });
    expect(await draft()).toMatchObject({ form_version: VERSION, step_id: 'select' });
    const puts = env.host.callsTo('PUT', '/api/me/drafts/withdrawal');
    expect(puts.length).toBeLessThan(4); // debounced, not one request per keystroke
    // The server refuses a cookie write without the session's token: the saved row proves it matched.
    expect(puts.every((put) => (put.headers['x-csrf-token'] ?? '').length > 0)).toBe(true);
    expect(await browserStorage(page)).toEqual({ local: 0, session: 0, databases: 0 });
  });

  it('saves the last change when the tab is closed before the debounce', async () => {
    const page = await openAtSelect();
    await page.locator('mamis-form').getByRole('textbox', { name: '退会希望年月日' }).fill('2024/11/15');
    await page.close({ runBeforeUnload: true });
    await expect
      .poll(async () => ((await draft())?.data as { withdrawalDate?: string } | undefined)?.withdrawalDate)
      .toBe('2024/11/15');
  });

  it('offers the draft after a reload and resumes where the member was', async () => {
    env.server.setTime('2024-10-01T10:02:00+09:00');
    const first = await openAtSelect();
    const before = first.locator('mamis-form');
    await before.getByRole('textbox', { name: '退会希望年月日' }).fill('2024/10/31');
    await before.getByRole('radio', { name: 'その他' }).check();
    await before.getByRole('textbox', { name: 'その他の退会事由' }).fill('転居のため');
    await expect
      .poll(async () => (await draft())?.data)
      .toEqual({ withdrawalDate: '2024/10/31', reason: 'other', reasonOther: '転居のため' });

    const { page } = await env.open(FORM_PAGE);
    const form = page.locator('mamis-form');
    await form.getByRole('heading', { name: '前回の入力内容があります。続きから再開しますか？' }).waitFor();
    expect(await form.getByText('保存日時：2024/10/01 10:02').isVisible()).toBe(true);
    await form.getByRole('button', { name: '続きから再開する' }).click();
    await expect.poll(() => currentStep(page)).toBe('select');
    expect(await form.getByRole('textbox', { name: '退会希望年月日' }).inputValue()).toBe('2024/10/31');
    expect(await form.getByRole('textbox', { name: 'その他の退会事由' }).inputValue()).toBe('転居のため');
  });

  it('discarding the draft deletes it and starts from the first screen', async () => {
    await saveDraft(env.server, TARO.login, 'withdrawal', { stepId: 'select', data: { withdrawalDate: '2024/10/31' } });
    const { page } = await env.open(FORM_PAGE);
    const form = page.locator('mamis-form');
    await form.getByRole('button', { name: '破棄して最初から入力する' }).click();
    await form.getByRole('button', { name: '退会する' }).waitFor();
    await expect.poll(draft).toBeUndefined();
  });

  it('disables the submit button in flight, so a double click files one application with one key', async () => {
    const page = await openAtConfirm();
    await expect.poll(draft).toBeDefined();
    // A slow connection: the submission leaves 600 ms late, so the second click lands while it is in flight.
    await page.route(toSubmissions, async (route) => {
      await sleep(600);
      await route.continue();
    });
    const submit = page.locator('mamis-form').getByRole('button', { name: '退会を申請する' });
    await submit.dblclick();
    await expect
      .poll(() => page.locator('mamis-form .submit').evaluate((button) => (button as HTMLButtonElement).disabled))
      .toBe(true);
    await expect.poll(() => currentStep(page), { timeout: 5000 }).toBe('done');
    const posts = env.host.callsTo('POST', SUBMISSIONS);
    expect(posts).toHaveLength(1);
    const applications = await applicationsOf(db(), TARO.memberId);
    expect(applications).toHaveLength(1);
    expect(applications[0]!.idempotency_key).toBe(posts[0]!.headers['idempotency-key']);
    expect(await eventTypesOf(db(), applications[0]!.id)).toEqual(['submitted']);
    expect(env.host.callsTo('DELETE', '/api/me/drafts/withdrawal')).toHaveLength(1);
    expect(await draft()).toBeUndefined();
  });

  it('retries a failed submission with the same idempotency key', async () => {
    const page = await openAtConfirm();
    // The server files the application, but its answer is lost on the way back (connection reset).
    await page.route(
      toSubmissions,
      async (route) => {
        try {
          await route.fetch();
        } finally {
          await route.abort('connectionreset');
        }
      },
      { times: 1 },
    );
    const submit = page.locator('mamis-form').getByRole('button', { name: '退会を申請する' });
    await submit.click();
    await page
      .locator('mamis-form')
      .getByRole('alert')
      .getByText('通信に失敗しました。接続を確認して、もう一度お試しください。')
      .waitFor();
    expect(await applicationsOf(db(), TARO.memberId)).toHaveLength(1);
    await submit.click();
    await expect.poll(() => currentStep(page)).toBe('done');
    const keys = env.host.callsTo('POST', SUBMISSIONS).map((call) => call.headers['idempotency-key']);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
    // The retry got the application the first attempt made: one row, one event.
    const applications = await applicationsOf(db(), TARO.memberId);
    expect(applications.map((application) => application.idempotency_key)).toEqual([keys[0]]);
    expect(await eventTypesOf(db(), applications[0]!.id)).toEqual(['submitted']);
  });

  it("maps the server's 422 errors back onto the fields, in the summary and inline", async () => {
    const page = await submitAfterMidnight();
    const summary = page.locator('mamis-form .error-summary');
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      '退会希望年月日は本日以降の日付を入力してください',
    ]);
    expect(await summary.evaluate((element) => element.matches(':focus'))).toBe(true);
    const date = page.locator('mamis-form').getByRole('textbox', { name: '退会希望年月日' });
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('mamis-form [data-field="withdrawalDate"] .error').textContent()).toBe(
      '退会希望年月日は本日以降の日付を入力してください',
    );
    expect(env.host.callsTo('POST', SUBMISSIONS)).toHaveLength(1);
    expect(await applicationsOf(db(), TARO.memberId)).toEqual([]);
  });

  it("shows a conflict's message on the confirm step and moves focus to it", async () => {
    const earlier = await fileApplication(env.server, TARO.login, 'withdrawal', {
      withdrawFrom: { groupId: TARO.aoyagi, associationIds: ['city-otaru'] },
      withdrawalDate: '2024-11-30',
      reason: 'death',
    });
    const page = await openAtConfirm();
    await page.locator('mamis-form').getByRole('button', { name: '退会を申請する' }).click();
    const notice = page.locator('mamis-form').getByRole('alert');
    await expect
      .poll(() => notice.textContent())
      .toBe('このグループには、審査が完了していない同じ種類の申請がすでにあります。申請ステータスをご確認ください');
    expect(await notice.evaluate((element) => element.matches(':focus'))).toBe(true);
    expect(await currentStep(page)).toBe('confirm');
    expect((await applicationsOf(db(), TARO.memberId)).map((application) => application.id)).toEqual([earlier]);
  });

  it('sends errors and messages in the language of the page', async () => {
    await fileApplication(env.server, TARO.login, 'withdrawal', {
      withdrawFrom: { groupId: TARO.aoyagi, associationIds: ['city-otaru'] },
      withdrawalDate: '2024-11-30',
      reason: 'death',
    });
    const { page } = await env.open(`${FORM_PAGE}&lang=en`);
    const form = page.locator('mamis-form');
    await form.getByRole('button', { name: 'Withdraw' }).click();
    await form.getByRole('button', { name: 'Proceed' }).click();
    await form.getByRole('checkbox', { name: 'Layer 3 Otaru City Medical Association' }).check();
    await form.getByRole('textbox', { name: 'Requested withdrawal date' }).fill('2024/10/31');
    await form.getByRole('radio', { name: 'Closure or retirement' }).check();
    await form.getByRole('button', { name: 'Go to confirmation' }).click();
    await form.getByRole('button', { name: 'Apply for withdrawal' }).click();
    await expect
      .poll(() => form.getByRole('alert').textContent())
      .toBe('There is already an open application of this kind for this group. Please check the application status');
    // Asked for explicitly: the member's stored locale is Japanese, and the server ranks it above Accept-Language.
    const [submission] = env.host.callsTo('POST', SUBMISSIONS);
    expect(submission?.query.lang).toBe('en');
    expect(submission?.headers['accept-language']).toBe('en');
  });

  it('describes the field a 422 names with its own error, resolved in the shadow root', async () => {
    const page = await submitAfterMidnight();
    const date = page.locator('mamis-form').getByRole('textbox', { name: '退会希望年月日' });
    await expect
      .poll(() => describedBy(date))
      .toEqual(['(半角入力)', '退会希望年月日は本日以降の日付を入力してください']);
  });
});
