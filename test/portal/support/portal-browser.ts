import { mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type RunningServer, startServer } from '../../../server/start-server.js';
import { buildComponents } from '../../../web-components/build.js';
import { buildStudio } from '../../../web-components/studio/build-studio.js';
import { DESKTOP, launchChromium, PHONE } from '../../web-components/support/browser.js';

export const SCREENSHOTS = path.join(process.cwd(), 'test-output', 'screenshots', 'portal');

/** The narrowest phone the pages are made for: nothing may scroll sideways at this width. */
const NARROW = { width: 360, height: 740 } as const;

export interface Portal {
  readonly url: string;
  readonly browser: Browser;
  readonly dataDir: string;
  close(): Promise<void>;
}

/** Where `npm run build` writes both bundles, and where the started server serves them from. */
const DIST = path.join(process.cwd(), 'web-components', 'dist');

let bundlesBuilt: Promise<void> | undefined;

/**
 * Both bundles `npm run build` makes, the members' components and the staff's studio, built
 * once per test process. They are built into a folder of their own inside `dist/` and then
 * renamed into place, so a portal suite running beside another never serves a half-written file.
 */
export function buildBundles(): Promise<void> {
  bundlesBuilt ??= (async () => {
    await mkdir(DIST, { recursive: true });
    const staging = await mkdtemp(path.join(DIST, '.portal-build-'));
    try {
      await Promise.all([buildComponents({ outdir: staging, manifest: false }), buildStudio({ outdir: staging })]);
      for (const file of await readdir(staging)) await rename(path.join(staging, file), path.join(DIST, file));
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  })();
  return bundlesBuilt;
}

/**
 * The real thing, as `npm start` runs it: both bundles built, the server started on a fresh
 * data folder (embedded database, mail to the folder) on a free port, and Chromium.
 */
export async function startPortal(): Promise<Portal> {
  await buildBundles();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'mamis-portal-e2e-'));
  let server: RunningServer | undefined;
  try {
    server = await startServer({ env: { DATA_DIR: dataDir, PORT: '0' }, root: process.cwd(), log: () => {} });
    const browser = await launchChromium();
    const running = server;
    return {
      url: running.url,
      browser,
      dataDir,
      async close() {
        await browser.close();
        await running.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/** What went wrong in the browser while the tests drove it. */
export interface PageProblems {
  readonly errors: string[];
  readonly cspViolations: string[];
  /** Pages that scrolled sideways at phone width: `360 /office`. */
  readonly overflows: string[];
}

/** One browser tab of the portal at desktop width, that photographs each screen at both widths. */
export class PortalTab {
  readonly page: Page;
  readonly #context: BrowserContext;
  readonly #base: string;
  readonly problems: PageProblems = { errors: [], cspViolations: [], overflows: [] };

  private constructor(context: BrowserContext, page: Page, base: string) {
    this.#context = context;
    this.page = page;
    this.#base = base;
    page.on('pageerror', (error) => this.problems.errors.push(error.message));
    page.on('console', (message) => {
      // An expected 404 (no draft saved yet) is logged as a failed resource, not a page error.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        this.problems.errors.push(message.text());
      }
    });
    page.on('dialog', (dialog) => void dialog.accept());
  }

  static async open(portal: Portal): Promise<PortalTab> {
    const context = await portal.browser.newContext({ viewport: DESKTOP, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
    await context.addInitScript(() => {
      document.addEventListener(
        'securitypolicyviolation',
        (event) => {
          const seen = ((window as unknown as { cspSeen?: string[] }).cspSeen ??= []);
          seen.push(`${event.violatedDirective} ${event.blockedURI}`);
        },
        true,
      );
    });
    return new PortalTab(context, await context.newPage(), portal.url);
  }

  /**
   * Opens a page and waits until its components have fetched what they show: leaving a page
   * with a request in flight makes the component log the aborted fetch as an error.
   */
  goto(pathname: string) {
    return this.page.goto(`${this.#base}${pathname}`, { waitUntil: 'networkidle' });
  }

  /** The sign-in page, filled and sent like a person would. */
  async signIn(login: string, password = 'demo1234'): Promise<void> {
    await this.goto('/login');
    await this.page.getByLabel('医籍登録番号または事務局ID').fill(login);
    await this.page.getByLabel('パスワード').fill(password);
    await Promise.all([
      this.page.waitForURL((url) => url.pathname !== '/login'),
      this.page.getByRole('button', { name: 'ログイン' }).click(),
    ]);
  }

  /** ログアウト in the header. */
  async signOut(): Promise<void> {
    await Promise.all([
      this.page.waitForURL((url) => url.pathname === '/login'),
      this.page.getByRole('button', { name: 'ログアウト' }).click(),
    ]);
  }

  /**
   * Photographs the screen at desktop and phone width (`NN-name-desktop.png`, `-phone.png`),
   * checks it does not scroll sideways at phone width or at 360 px, and notes CSP violations.
   */
  async shot(name: string): Promise<void> {
    await mkdir(SCREENSHOTS, { recursive: true });
    const page = this.page;
    await settle(page);
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-desktop.png`), fullPage: true });
    for (const size of [PHONE, NARROW]) {
      const wide = await this.overflowAt(size);
      if (wide > 0) this.problems.overflows.push(`${size.width} ${name} (${wide}px)`);
      if (size === PHONE) await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-phone.png`), fullPage: true });
    }
    await page.setViewportSize(DESKTOP);
    await settle(page);
    this.problems.cspViolations.push(
      ...(await page.evaluate(() => (window as unknown as { cspSeen?: string[] }).cspSeen ?? [])),
    );
  }

  /**
   * Resizes the tab (it stays at that size) and says how many pixels the page then scrolls
   * sideways: 0 when it fits.
   */
  async overflowAt(size: { readonly width: number; readonly height: number }): Promise<number> {
    await this.page.setViewportSize(size);
    await settle(this.page);
    return this.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  }

  close(): Promise<void> {
    return this.#context.close();
  }
}

/** Lets layout, fonts and the components' renders finish before a photograph. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** One application of the 申請ステータス panel, as the member reads it. */
export interface PanelEntry {
  readonly title: string;
  readonly facility: string;
  /** `小樽市医師会 申請` for each association. */
  readonly targets: readonly string[];
  readonly actions: readonly string[];
}

/** The 申請ステータス panel of マイページTOP, once it has loaded. */
export async function statusPanel(page: Page): Promise<PanelEntry[]> {
  const panel = page.locator('mamis-application-status');
  await panel.locator('.applications, .empty').first().waitFor();
  return panel.locator('li.application').evaluateAll((items) =>
    items.map((item) => {
      const text = (element: Element | null) => element?.textContent?.trim().replace(/\s+/g, ' ') ?? '';
      return {
        title: text(item.querySelector('.form-title')),
        facility: text(item.querySelector('.facility')),
        targets: [...item.querySelectorAll('.target')].map(
          (target) => `${text(target.querySelector('.target-name'))} ${text(target.querySelector('.chip'))}`,
        ),
        actions: [...item.querySelectorAll('button')].map((button) => text(button)),
      };
    }),
  );
}

/** The rows of 医師会入退会履歴: `[3層 小樽市医師会, facility, joined, left]`. */
export async function historyRows(page: Page): Promise<string[][]> {
  const table = page.locator('mamis-membership-history');
  await table.locator('tbody tr').first().waitFor();
  return table
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) =>
        [...row.querySelectorAll('td')].map((cell) => cell.textContent?.trim().replace(/\s+/g, ' ') ?? ''),
      ),
    );
}

/** The sent-mail list, reloaded until `ready` holds for its rows (the worker sends within a second). */
export async function mailRows(tab: PortalTab, ready: (rows: string[]) => boolean): Promise<string[]> {
  let rows: string[] = [];
  for (let attempt = 0; attempt < 40; attempt++) {
    await tab.goto('/dev/mail');
    rows = await tab.page
      .locator('.mail-table tbody tr')
      .evaluateAll((items) => items.map((item) => item.textContent?.trim().replace(/\s+/g, ' ') ?? ''));
    if (ready(rows)) return rows;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The sent mail never matched; last list:\n${rows.join('\n')}`);
}

/** A day from today in Japan, as a member types it: yyyy/mm/dd. */
export function daysFromToday(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date());
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10).replaceAll('-', '/');
}

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly targets: string[];
}

/**
 * axe-core's findings on the page as it is now. The script is added from the test's side, so
 * it needs a context opened with `bypassCSP` (the pages' own policy would refuse it).
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.addScriptTag({ path: path.join(process.cwd(), 'node_modules', 'axe-core', 'axe.min.js') });
  }
  return page.evaluate(async () => {
    type Results = { violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] };
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<Results> } }).axe;
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      targets: violation.nodes.map((node) => JSON.stringify(node.target)),
    }));
  });
}
