import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runAxe } from '../support/browser.js';
import { type BrowserEnvironment, startBrowserEnvironment } from '../support/environment.js';
import { confirmRows, currentStep, describedBy } from '../support/form-probe.js';

describe('<mamis-form lang="en">', () => {
  let env: BrowserEnvironment;

  beforeAll(async () => {
    env = await startBrowserEnvironment({ server: false }); // the pages pass the definition: no API
  });

  afterEach(async () => {
    await env.closePages();
  });

  afterAll(async () => {
    await env?.close();
  });

  it('speaks English everywhere: the form texts, the chrome, the errors and the confirm view', async () => {
    const { page } = await env.open('/pages/form.html?form=withdrawal&mode=property&lang=en');
    const form = page.locator('mamis-form');
    await form.getByRole('button', { name: 'Withdraw' }).click();
    await form
      .getByRole('dialog', { name: 'Do you really want to withdraw?' })
      .getByRole('button', { name: 'Proceed' })
      .click();
    expect(await form.getByRole('list', { name: 'Steps of the application' }).textContent()).toMatch(
      /Choose associations.*Confirm and apply/s,
    );
    expect(await form.locator('.badge').first().textContent()).toBe('Required');
    expect(await form.getByRole('button', { name: 'Leave this form' }).count()).toBe(1);
    await form.getByRole('button', { name: 'Go to confirmation' }).click();
    const summary = form.locator('.error-summary');
    expect(await summary.getByRole('heading').textContent()).toBe('There is a problem');
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      'Choose the associations to withdraw from',
      'Enter requested withdrawal date',
      'Choose reason for withdrawal',
    ]);
    const group = form.getByRole('group', { name: 'Facility: Aoyagi Dermatology Clinic' });
    await group.getByRole('checkbox', { name: 'Layer 3 Otaru Medical Association' }).check();
    const date = form.getByRole('textbox', { name: 'Requested withdrawal date' });
    await date.fill('2024/09/01');
    await date.blur();
    await expect.poll(() => describedBy(date)).toEqual(['(yyyy/mm/dd)', expect.stringMatching(/today/)]);
    await date.fill('2024/10/31');
    await form.getByRole('radio', { name: 'Closure or retirement' }).check();
    expect(await form.getByRole('button', { name: 'Choose Requested withdrawal date from a calendar' }).count()).toBe(
      1,
    );
    await form.getByRole('button', { name: 'Go to confirmation' }).click();
    await expect.poll(() => currentStep(page)).toBe('confirm');
    expect(await confirmRows(page)).toEqual([
      [
        'Withdrawal from',
        'Facility: Aoyagi Dermatology Clinic [Layer 3] Otaru Medical Association [Layer 2] Hokkaido Medical Association [Layer 1] Japan Medical Association',
      ],
      ['Requested withdrawal date', '2024/10/31'],
      ['Reason for withdrawal', 'Closure or retirement'],
    ]);
    expect(await form.getByRole('button', { name: 'Edit Choose associations' }).textContent()).toContain('Edit');
    expect(await form.getByRole('button', { name: 'Back' }).count()).toBe(1);
    expect(await runAxe(page)).toEqual([]);
  });

  it('switches language when the lang attribute changes, keeping what was entered', async () => {
    const { page } = await env.open('/pages/form.html?form=withdrawal&mode=property');
    const form = page.locator('mamis-form');
    await form.getByRole('button', { name: '退会する' }).click();
    await form.getByRole('button', { name: '実行する' }).click();
    await form.getByRole('textbox', { name: '退会希望年月日' }).fill('2024/10/31');
    await form.evaluate((element) => element.setAttribute('lang', 'en'));
    expect(await form.getByRole('textbox', { name: 'Requested withdrawal date' }).inputValue()).toBe('2024/10/31');
    expect(await form.getByRole('button', { name: 'Go to confirmation' }).count()).toBe(1);
  });
});
