import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnvironment, startBrowserEnvironment } from '../support/environment.js';
import { browserStorage, currentStep, describedBy } from '../support/form-probe.js';

const FORM_PAGE = '/pages/form.html?form=withdrawal&mode=api';

describe('<mamis-form> talking to the API', () => {
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

  async function openAtSelect(): Promise<Page> {
    const { page } = await env.open(FORM_PAGE);
    const form = page.locator('mamis-form');
    await form.getByRole('button', { name: '退会する' }).click();
    await form.getByRole('button', { name: '実行する' }).click();
    await form.getByRole('button', { name: '確認画面に進む' }).waitFor();
    return page;
  }

  async function fill(page: Page) {
    const form = page.locator('mamis-form');
    await form.getByRole('checkbox', { name: '3層 小樽市医師会' }).check();
    await form.getByRole('textbox', { name: '退会希望年月日' }).fill('2024/10/31');
    await form.getByRole('radio', { name: '廃業・退職' }).check();
  }

  async function openAtConfirm(): Promise<Page> {
    const page = await openAtSelect();
    await fill(page);
    await page.locator('mamis-form').getByRole('button', { name: '確認画面に進む' }).click();
    await expect.poll(() => currentStep(page)).toBe('confirm');
    return page;
  }

  it('fetches the definition, the sources and the validator from the API by form id', async () => {
    await openAtSelect();
    const gets = env.host.api.requests.filter((request) => request.method === 'GET').map((request) => request.path);
    expect(gets).toEqual(
      expect.arrayContaining(['/api/forms/withdrawal', '/api/forms/withdrawal/versions/1/validator.js']),
    );
  });

  it('keeps a draft on the server shortly after a change, and nothing in the browser', async () => {
    const page = await openAtSelect();
    await fill(page);
    await expect
      .poll(() => env.host.api.drafts.get('withdrawal')?.data, { timeout: 5000 })
      .toEqual({
        withdrawFrom: { groupId: 'group-otaru', associationIds: ['otaru', 'hokkaido', 'jma'] },
        withdrawalDate: '2024/10/31',
        reason: 'retirement',
      });
    expect(env.host.api.drafts.get('withdrawal')).toMatchObject({ version: 1, stepId: 'select' });
    const puts = env.host.api.requestsTo('PUT', '/api/me/drafts/withdrawal');
    expect(puts.length).toBeLessThan(4); // debounced, not one request per keystroke
    expect(puts[0]!.headers['x-csrf-token']).toBe('csrf-token-for-tests');
    expect(await browserStorage(page)).toEqual({ local: 0, session: 0, databases: 0 });
  });

  it('saves the last change when the tab is closed before the debounce', async () => {
    const page = await openAtSelect();
    await page.locator('mamis-form').getByRole('textbox', { name: '退会希望年月日' }).fill('2024/11/15');
    await page.close({ runBeforeUnload: true });
    await expect
      .poll(
        () => (env.host.api.drafts.get('withdrawal')?.data as { withdrawalDate?: string } | undefined)?.withdrawalDate,
      )
      .toBe('2024/11/15');
  });

  it('offers the draft after a reload and resumes where the member was', async () => {
    env.host.api.drafts.set('withdrawal', {
      formId: 'withdrawal',
      version: 1,
      stepId: 'select',
      data: { withdrawalDate: '2024/10/31', reason: 'other', reasonOther: '転居のため' },
      updatedAt: '2024-10-01T01:02:00.000Z',
    });
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
    env.host.api.drafts.set('withdrawal', {
      formId: 'withdrawal',
      version: 1,
      stepId: 'select',
      data: { withdrawalDate: '2024/10/31' },
      updatedAt: '2024-10-01T01:02:00.000Z',
    });
    const { page } = await env.open(FORM_PAGE);
    const form = page.locator('mamis-form');
    await form.getByRole('button', { name: '破棄して最初から入力する' }).click();
    await form.getByRole('button', { name: '退会する' }).waitFor();
    await expect.poll(() => env.host.api.drafts.has('withdrawal')).toBe(false);
  });

  it('disables the submit button in flight, so a double click files one application with one key', async () => {
    const page = await openAtConfirm();
    env.host.api.submissionDelay = 600;
    const submit = page.locator('mamis-form').getByRole('button', { name: '退会を申請する' });
    await submit.dblclick();
    await expect
      .poll(() => page.locator('mamis-form .submit').evaluate((button) => (button as HTMLButtonElement).disabled))
      .toBe(true);
    await expect.poll(() => currentStep(page), { timeout: 5000 }).toBe('done');
    const posts = env.host.api.requestsTo('POST', '/api/forms/withdrawal/submissions');
    expect(posts).toHaveLength(1);
    expect(env.host.api.applications).toHaveLength(1);
    expect(posts[0]!.headers['x-csrf-token']).toBe('csrf-token-for-tests');
    expect(env.host.api.requestsTo('DELETE', '/api/me/drafts/withdrawal')).toHaveLength(1);
  });

  it('retries a failed submission with the same idempotency key', async () => {
    const page = await openAtConfirm();
    env.host.api.nextSubmissionFailure = {
      status: 503,
      body: { error: { code: 'unavailable', message: '只今混み合っています' } },
    };
    const submit = page.locator('mamis-form').getByRole('button', { name: '退会を申請する' });
    await submit.click();
    await page.locator('mamis-form').getByRole('alert').getByText('只今混み合っています').waitFor();
    await submit.click();
    await expect.poll(() => currentStep(page)).toBe('done');
    const keys = env.host.api
      .requestsTo('POST', '/api/forms/withdrawal/submissions')
      .map((request) => request.headers['idempotency-key']);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
  });

  it("maps the server's 422 errors back onto the fields, in the summary and inline", async () => {
    const page = await openAtConfirm();
    env.host.api.nextSubmissionFailure = {
      status: 422,
      body: {
        error: {
          code: 'invalid',
          message: '入力内容に誤りがあります',
          fields: [{ pointer: '/withdrawFrom/associationIds', message: 'この医師会には処理中の申請があります' }],
        },
      },
    };
    await page.locator('mamis-form').getByRole('button', { name: '退会を申請する' }).click();
    await expect.poll(() => currentStep(page)).toBe('select');
    const summary = page.locator('mamis-form .error-summary');
    expect(await summary.getByRole('link').allTextContents()).toEqual(['この医師会には処理中の申請があります']);
    expect(await summary.evaluate((element) => element.matches(':focus'))).toBe(true);
    const first = page.locator('mamis-form').getByRole('checkbox', { name: '3層 小樽市医師会' });
    expect(await first.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('mamis-form [data-field="withdrawFrom"] .error').textContent()).toBe(
      'この医師会には処理中の申請があります',
    );
  });

  it("shows a conflict's message on the confirm step and moves focus to it", async () => {
    const page = await openAtConfirm();
    env.host.api.nextSubmissionFailure = {
      status: 409,
      body: { error: { code: 'conflict', message: 'このグループには処理中の退会届があります' } },
    };
    await page.locator('mamis-form').getByRole('button', { name: '退会を申請する' }).click();
    const notice = page.locator('mamis-form').getByRole('alert');
    await expect.poll(() => notice.textContent()).toBe('このグループには処理中の退会届があります');
    expect(await notice.evaluate((element) => element.matches(':focus'))).toBe(true);
    expect(await currentStep(page)).toBe('confirm');
  });

  it('sends errors and messages in the language of the page', async () => {
    const { page } = await env.open(`${FORM_PAGE}&lang=en`);
    await page.locator('mamis-form').getByRole('button', { name: 'Withdraw' }).waitFor();
    expect(env.host.api.requestsTo('GET', '/api/forms/withdrawal')[0]!.headers['accept-language']).toBe('en');
  });

  it('describes the field a 422 names with its own error, resolved in the shadow root', async () => {
    const page = await openAtConfirm();
    env.host.api.nextSubmissionFailure = {
      status: 422,
      body: {
        error: {
          code: 'invalid',
          message: 'x',
          fields: [{ pointer: '/withdrawalDate', message: '受付できない日付です' }],
        },
      },
    };
    await page.locator('mamis-form').getByRole('button', { name: '退会を申請する' }).click();
    const date = page.locator('mamis-form').getByRole('textbox', { name: '退会希望年月日' });
    await expect.poll(() => describedBy(date)).toEqual(['(半角入力)', '受付できない日付です']);
  });
});
