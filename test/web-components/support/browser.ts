import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's Chromium; tests never download a browser of their own. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface OpenedPage {
  readonly page: Page;
  readonly context: BrowserContext;
  /** Errors logged or thrown by the page. */
  readonly errors: string[];
  /** Responses with an error status, as `404 /api/me/drafts/withdrawal`. */
  readonly failedResponses: string[];
  /** Content-Security-Policy violations the page reported (securitypolicyviolation events). */
  cspViolations(): Promise<string[]>;
}

export const DESKTOP = { width: 1280, height: 900 } as const;
export const PHONE = { width: 390, height: 844 } as const;

export interface OpenPageOptions {
  readonly viewport?: { width: number; height: number };
  /** Runs on the fresh context before the page loads: sign in, set cookies. */
  readonly beforeLoad?: (context: BrowserContext) => Promise<void>;
}

export async function openPage(browser: Browser, url: string, options: OpenPageOptions = {}): Promise<OpenedPage> {
  const context = await browser.newContext({
    viewport: options.viewport ?? DESKTOP,
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
  });
  await options.beforeLoad?.(context);
  const page = await context.newPage();
  // A missing element fails in seconds, naming its locator, rather than at the test's timeout.
  page.setDefaultTimeout(5000);
  const errors: string[] = [];
  const failedResponses: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    // Failed requests are reported by URL below; an expected 404 (no draft yet) is no page error.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      errors.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400) failedResponses.push(`${response.status()} ${new URL(response.url()).pathname}`);
  });
  // Init scripts run through the DevTools protocol, before the page's own, and are not subject to its CSP.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener(
      'securitypolicyviolation',
      (event) => seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`),
      true,
    );
  });
  await page.goto(url);
  return {
    page,
    context,
    errors,
    failedResponses,
    cspViolations: () => page.evaluate(() => [...(window as unknown as { cspViolations: string[] }).cspViolations]),
  };
}

/** The element that has focus, looking through shadow roots. */
export function focused(page: Page): Promise<{ tag: string; id: string; name: string; text: string; type: string }> {
  return page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    const el = element as HTMLElement | null;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      id: el?.id ?? '',
      name: el?.getAttribute('aria-label') ?? el?.getAttribute('name') ?? '',
      text: (el?.textContent ?? '').trim().replace(/\s+/g, ' '),
      type: el?.getAttribute('type') ?? '',
    };
  });
}

/** Presses Tab until the focused element matches, failing after `limit` presses. */
export async function tabTo(
  page: Page,
  matches: (element: Awaited<ReturnType<typeof focused>>) => boolean,
  limit = 40,
): Promise<void> {
  for (let count = 0; count < limit; count++) {
    await page.keyboard.press('Tab');
    if (matches(await focused(page))) return;
  }
  throw new Error(`Tab never reached the element (last: ${JSON.stringify(await focused(page))})`);
}

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: string[];
}

const AXE_FILE = fileURLToPath(new URL('../../../node_modules/axe-core/axe.min.js', import.meta.url));
const AXE_PATH = '/__test-axe/axe.min.js';

/**
 * Runs axe-core on the page, or on the elements `include` selects. The script is answered by
 * the browser context at a path of the page's own origin, so the page's strict CSP allows it
 * and no test needs to bypass the policy.
 */
export async function runAxe(page: Page, include?: string): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) {
    await page.route(`**${AXE_PATH}`, (route) => route.fulfill({ path: AXE_FILE, contentType: 'text/javascript' }));
    await page.addScriptTag({ url: AXE_PATH });
  }
  return page.evaluate(async (selector) => {
    type AxeResults = {
      violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
    };
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<AxeResults> } })
      .axe;
    const results = await axe.run(selector ? { include: [selector] } : document, { resultTypes: ['violations'] });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => JSON.stringify(node.target)),
    }));
  }, include);
}

export const SCREENSHOTS = join(process.cwd(), 'test-output', 'screenshots', 'components');

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Whether the focused element (through shadow roots) shows a focus ring of at least 2 px. */
export function focusRingShown(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    if (!element) return false;
    const style = getComputedStyle(element);
    return style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2;
  });
}
