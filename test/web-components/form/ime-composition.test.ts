import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnvironment, startBrowserEnvironment } from '../support/environment.js';
import { currentStep, describedBy } from '../support/form-probe.js';

/**
 * Japanese is typed through an input method: kana are composed, then converted and committed
 * with Enter. While composing, the form must neither validate nor take Enter as 次へ.
 */
describe('<mamis-form> while Japanese text is being composed', () => {
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

  /** Opens the withdrawal at 医師会選択 with その他 chosen and its text field showing an error. */
  async function openWithError(): Promise<Page> {
    const { page } = await env.open('/pages/form.html?form=withdrawal&mode=property');
    const form = page.locator('mamis-form');
    await form.getByRole('button', { name: '退会する' }).click();
    await form.getByRole('button', { name: '実行する' }).click();
    await form.getByRole('radio', { name: 'その他' }).check();
    const other = form.getByRole('textbox', { name: 'その他の退会事由' });
    await other.fill('あ'.repeat(51));
    await other.blur();
    await expect.poll(() => other.getAttribute('aria-invalid')).toBe('true');
    return page;
  }

  const other = (page: Page) => page.locator('mamis-form').getByRole('textbox', { name: 'その他の退会事由' });

  it('neither re-validates nor moves on while composition events say a composition is open', async () => {
    const page = await openWithError();
    const field = other(page);
    await field.focus();
    await field.evaluate((input: HTMLInputElement) => {
      input.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, composed: true, data: '' }));
      input.value = 'たいしょく';
      input.dispatchEvent(
        new InputEvent('input', { bubbles: true, composed: true, isComposing: true, data: 'たいしょく' }),
      );
    });
    await page.keyboard.press('Enter'); // confirms the conversion: not 確認画面に進む
    await field.evaluate((input) => input.dispatchEvent(new FocusEvent('blur')));
    expect(await currentStep(page)).toBe('select');
    expect(await page.locator('mamis-form .error-summary').count()).toBe(0);
    expect(await field.getAttribute('aria-invalid')).toBe('true'); // the old error stays until composition ends
    expect(await describedBy(field)).toContain('その他の退会事由は50文字以内で入力してください');

    await field.evaluate((input) =>
      input.dispatchEvent(
        new CompositionEvent('compositionend', { bubbles: true, composed: true, data: 'たいしょく' }),
      ),
    );
    await expect.poll(() => field.getAttribute('aria-invalid')).toBe('false');
    expect(await describedBy(field)).toEqual(['(全角/半角50文字以内)']);
  });

  it('holds still through a real input-method composition in Chromium, and validates once it is committed', async () => {
    const page = await openWithError();
    const field = other(page);
    await field.fill('');
    await field.focus();
    const cdp = await page.context().newCDPSession(page);
    const compose = (text: string) =>
      cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
    await compose('い');
    await compose('いん');
    await compose('いんたい');
    expect(await field.getAttribute('aria-invalid')).toBe('true'); // no validation mid-composition
    await page.keyboard.press('Enter');
    expect(await currentStep(page)).toBe('select');
    expect(await page.locator('mamis-form .error-summary').count()).toBe(0);
    await cdp.send('Input.insertText', { text: '引退' }); // commits the composition
    await expect.poll(() => field.inputValue()).toBe('引退');
    await expect.poll(() => field.getAttribute('aria-invalid')).toBe('false');
  });

  it('takes Enter as 確認画面に進む once no composition is open', async () => {
    const page = await openWithError();
    const field = other(page);
    await field.fill('引退');
    await field.press('Enter');
    expect(await page.locator('mamis-form .error-summary').count()).toBe(1); // the empty fields are reported
    expect(await currentStep(page)).toBe('select');
  });
});
