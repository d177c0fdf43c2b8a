import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/db/seed/index.js';
import { launchChromium } from '../web-components/support/browser.js';
import { type StudioServer, startStudioServer } from './support/studio-server.js';

const SCREENSHOTS = join(process.cwd(), 'test-output', 'screenshots', 'studio');
const WIDE = { width: 1440, height: 1000 } as const;
/** A check waits for typing to pause (400 ms), then asks the server: polls get some seconds. */
const SLOW = { timeout: 10_000 } as const;

/** The studio as a staff member uses it: the portal's /studio page, in Chromium, under its CSP. */
describe('the form studio in a browser', () => {
  let server: StudioServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await startStudioServer();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: WIDE, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
    const signIn = await context.request.post(`${server.origin}/api/session`, {
      data: { login: 'staff', password: DEMO_PASSWORD },
    });
    expect(signIn.status()).toBe(200);
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      // Failed requests are reported by URL below (the browser's own favicon request is no page error).
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        errors.push(message.text());
      }
    });
    page.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      if (response.status() >= 400 && path !== '/favicon.ico') errors.push(`${response.status()} ${path}`);
    });
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener(
        'securitypolicyviolation',
        (event) => seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`),
        true,
      );
    });
    await mkdir(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const studio = () => page.locator('mamis-form-studio');
  const checkState = () => studio().locator('.check-state');
  const shoot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

  /** Finds text with the editor's own search (Ctrl+F) and leaves it selected, as a person would. */
  async function selectInEditor(text: string): Promise<void> {
    await studio().locator('.cm-content').click();
    await page.keyboard.press('Control+f');
    const search = studio().locator('.cm-search input[name=search]');
    await search.fill(text);
    // The panel reads its query on change (a person's typing ends with one).
    await search.dispatchEvent('change');
    await search.press('Enter');
    await search.press('Escape');
  }

  it('opens the withdrawal, its form rendered from the edited definition beside the editor', async () => {
    const response = await page.goto(`${server.origin}/studio`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    // The first form opens by itself; then the staff member picks the withdrawal.
    await expect.poll(() => checkState().textContent(), SLOW).toBe('問題はありません');
    await studio().locator('select').first().selectOption('withdrawal');
    await expect.poll(() => studio().locator('.cm-content').textContent(), SLOW).toContain('"id": "withdrawal"');
    await expect.poll(() => checkState().textContent(), SLOW).toBe('問題はありません');
    await studio().locator('mamis-form').getByText('退会希望年月日', { exact: true }).waitFor();
    await shoot('01-withdrawal-opened');
  });

  it('shows a changed label in the preview once the edit is checked', async () => {
    await selectInEditor('退会希望年月日');
    await page.keyboard.insertText('退会日');
    await studio().locator('mamis-form').getByText('退会日', { exact: true }).waitFor();
    await expect.poll(() => checkState().textContent(), SLOW).toBe('問題はありません');
    await shoot('02-label-changed');
  });

  it("completes a field's settings from the meta-schema, and describes a key on hover", async () => {
    await selectInEditor('"visibleWhen"');
    // Retype the key's start between its quotes, then ask for completion (Ctrl+Space).
    await page.keyboard.insertText('"vis"');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Control+Space');
    const options = studio().locator('.cm-tooltip-autocomplete li');
    await expect.poll(() => options.allTextContents(), SLOW).toContain('visibleWhen');
    await shoot('02b-completion');
    await page.keyboard.press('Enter');
    await expect.poll(() => studio().locator('.cm-content').textContent(), SLOW).toContain('"visibleWhen": {');
    await expect.poll(() => checkState().textContent(), SLOW).toBe('問題はありません');
    // Point at the key just completed, as a person moves the mouse over it.
    const key = await page.evaluate(() => {
      const content = document.querySelector('mamis-form-studio')?.shadowRoot?.querySelector('.cm-content');
      const walker = document.createTreeWalker(content!, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf('"visibleWhen"') ?? -1;
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at + 2);
        range.setEnd(node, at + 4);
        const rect = range.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      return undefined;
    });
    await page.mouse.move(key!.x, key!.y);
    await expect.poll(() => studio().locator('.cm-schema-hover').textContent(), SLOW).toMatch(/^表示条件/);
    await shoot('02c-hover');
  });

  it('lists a misspelt key by its pointer and marks it in the editor; a click goes there', async () => {
    await selectInEditor('"confirmLabel"');
    await page.keyboard.insertText('"confirmLable"');
    await expect.poll(() => checkState().textContent(), SLOW).toBe('問題 1件');
    await studio()
      .getByRole('tab', { name: /チェック結果/ })
      .click();
    const issue = studio().locator('.issue').first();
    await expect.poll(() => issue.locator('.issue-pointer').textContent(), SLOW).toBe('/fields/withdrawFrom');
    expect(await issue.locator('.issue-message').textContent()).toContain('confirmLable');
    const mark = studio().locator('.cm-lintRange-error');
    await expect.poll(() => mark.count(), SLOW).toBe(1);
    expect(await mark.textContent()).toBe('"confirmLable"');
    // The preview keeps the last definition that passed, and says so.
    await studio().getByRole('tab', { name: 'プレビュー' }).click();
    await studio().locator('.stale').waitFor();
    await studio()
      .getByRole('tab', { name: /チェック結果/ })
      .click();
    await issue.click();
    const selected = await page.evaluate(() => {
      const root = document.querySelector('mamis-form-studio')?.shadowRoot;
      return (root as unknown as { getSelection?: () => Selection | null })?.getSelection?.()?.toString() ?? '';
    });
    expect(selected).toBe('"confirmLable"');
    await shoot('03-misspelt-key');
  });

  it('passes again once the key is fixed', async () => {
    await studio().locator('.cm-content').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => checkState().textContent(), SLOW).toBe('問題はありません');
    expect(await studio().locator('.cm-lintRange-error').count()).toBe(0);
  });

  it("fills the preview with an example's test data; the confirm view shows the targets by layer", async () => {
    await studio().locator('select.test-data').selectOption('manual');
    await studio().getByRole('tab', { name: '確認画面' }).click();
    const panel = studio().locator('.panel');
    await panel.getByText('退会申請先').waitFor();
    await panel.getByText('小樽市医師会').waitFor();
    expect(await panel.textContent()).toContain('2024/10/31');
    expect(await panel.textContent()).toContain('退会日');
    await shoot('04-confirm-view');
    await studio().getByRole('tab', { name: 'プレビュー' }).click();
    // The live form opens at its fields step with the example's date.
    await expect
      .poll(
        () => studio().locator('mamis-form').locator('input[inputmode], input[type=text]').first().inputValue(),
        SLOW,
      )
      .toBe('2024/10/31');
    await shoot('05-preview-with-test-data');
  });

  it('renders a mail of the draft, its HTML in a sandboxed frame', async () => {
    await studio().getByRole('tab', { name: 'メール' }).click();
    const subject = studio().locator('.mail-subject');
    await subject.waitFor();
    expect(await subject.textContent()).toContain('退会');
    expect(await studio().locator('.mail-text').textContent()).toContain('小樽市医師会');
    const frame = studio().locator('iframe.mail-html');
    expect(await frame.getAttribute('sandbox')).toBe('');
    expect(await frame.getAttribute('src')).toMatch(/\/api\/staff\/mail-previews\/[0-9a-f]{32}$/);
    await expect
      .poll(async () => (await (await frame.elementHandle())?.contentFrame())?.textContent('body'), SLOW)
      .toContain('日医 太郎');
    await frame.scrollIntoViewIfNeeded();
    await shoot('06-mail-html');
    await studio().locator('.mail-controls select').nth(1).selectOption('en');
    await expect.poll(() => studio().locator('.mail-text').textContent(), SLOW).toContain('Otaru');
    await shoot('06-mail');
  });

  it('publishes the draft as version 2 after a deliberate confirmation', async () => {
    await studio().getByRole('button', { name: '公開…' }).click();
    const dialog = studio().locator('dialog.publish-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('バージョン2として公開します。公開後は会員の新しい申請に使われます。');
    await shoot('07-publish-dialog');
    await dialog.getByRole('button', { name: 'バージョン2を公開する' }).click();
    await studio().getByText('バージョン2を公開しました').waitFor();
    expect(await studio().locator('.version').textContent()).toBe('公開中: バージョン2');
    const form = await context.request.get(`${server.origin}/api/forms/withdrawal`);
    const body = (await form.json()) as {
      form: { version: number; definition: { fields: Record<string, { label: { ja: string } }> } };
    };
    expect(body.form.version).toBe(2);
    expect(body.form.definition.fields.withdrawalDate!.label.ja).toBe('退会日');
    await shoot('08-published');
  });

  it('ran without page errors or Content-Security-Policy violations', async () => {
    expect(errors).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
  });
});
