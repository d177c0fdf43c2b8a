import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fileApplication } from '../support/demo-activity.js';
import { TARO } from '../support/demo-members.js';
import { type BrowserEnvironment, startBrowserEnvironment } from '../support/environment.js';
import { currentStep, describedBy } from '../support/form-probe.js';
import { STRICT_CSP } from '../support/test-host.js';
import { walkWithdrawal } from '../support/withdrawal-walk.js';

/**
 * An association's site that allows scripts and styles from its own origin only — no inline
 * script, no inline style, no eval — embeds the bundle. Violations are caught with
 * `securitypolicyviolation` listeners; the browser context does not bypass the policy.
 */
describe('the bundle in a page with a strict Content-Security-Policy', () => {
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

  it('is served the policy with the host page', async () => {
    const response = await fetch(env.url('/pages/form.html'));
    expect(response.headers.get('content-security-policy')).toBe(STRICT_CSP);
    expect(STRICT_CSP).not.toMatch(/unsafe-(inline|eval)/);
  });

  it('reports a violation when something breaks the policy (the detector works)', async () => {
    const { page, cspViolations } = await env.open('/pages/form.html?form=withdrawal&mode=api');
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p style="color: red">inline</p>'));
    await expect.poll(cspViolations).toEqual([expect.stringMatching(/^style-src-attr/)]);
  });

  it('fetches a form, imports its validator and completes the withdrawal with no violation', async () => {
    const { page, cspViolations, errors } = await env.open('/pages/form.html?form=withdrawal&mode=api');
    await walkWithdrawal(page, async () => {
      expect(await cspViolations()).toEqual([]);
    });
    expect(errors).toEqual([]);
    expect(await page.evaluate(() => ['mamis-form', 'mamis-calendar'].map((tag) => !!customElements.get(tag)))).toEqual(
      [true, true],
    );
  });

  it('renders the status panel and the membership history with no violation', async () => {
    await fileApplication(env.server, TARO.login, 'withdrawal', {
      withdrawFrom: { groupId: TARO.aoyagi, associationIds: ['city-otaru'] },
      withdrawalDate: '2024-10-31',
      reason: 'death',
    });
    const { page, cspViolations, errors } = await env.open('/pages/portal.html');
    await page.locator('mamis-application-status').getByText('退会届').waitFor();
    await page.locator('mamis-membership-history').getByRole('table').waitFor();
    expect(await cspViolations()).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("uses a site's own widget registered through the bundle's exports, validated like any other", async () => {
    const { page, cspViolations } = await env.open('/pages/form.html?form=withdrawal&mode=property&custom-widget');
    const form = page.locator('mamis-form');
    await form.getByRole('button', { name: '退会する' }).click();
    await form.getByRole('button', { name: '実行する' }).click();
    const reason = form.getByRole('combobox', { name: '退会事由' });
    expect(await reason.getAttribute('class')).toContain('site-reason');
    expect(await form.getByRole('radio').count()).toBe(0);
    await form.getByRole('button', { name: '確認画面に進む' }).click();
    expect(await describedBy(reason)).toEqual(['退会事由を選択してください']);
    await reason.selectOption('other');
    await form.getByRole('textbox', { name: 'その他の退会事由' }).waitFor(); // conditions still follow it
    expect(await reason.getAttribute('aria-invalid')).toBe('false');
    expect(await currentStep(page)).toBe('select');
    expect(await cspViolations()).toEqual([]);
  });

  it('takes a site theme through custom properties and ::part, from a stylesheet of its own', async () => {
    const { page, cspViolations } = await env.open('/pages/form.html?form=withdrawal&mode=property&theme');
    const form = page.locator('mamis-form');
    const primary = form.getByRole('button', { name: '退会する' });
    await expect
      .poll(() => primary.evaluate((button) => getComputedStyle(button).backgroundColor))
      .toBe('rgb(128, 0, 96)');
    expect(await primary.evaluate((button) => getComputedStyle(button).borderTopLeftRadius)).toBe('22px');
    expect(await form.locator('.title').evaluate((title) => getComputedStyle(title).letterSpacing)).toBe('3px');
    expect(await cspViolations()).toEqual([]);
  });
});
