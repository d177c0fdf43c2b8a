import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { buildComponents } from '../../../web-components/build.js';
import { DESKTOP, launchChromium, type OpenedPage, openPage } from './browser.js';
import { TARO } from './demo-members.js';
import { type DemoServer, startDemoServer } from './demo-server.js';
import { compile, loadForms } from './form-catalogue.js';
import { GALLERY_FORM } from './gallery-form.js';
import { startTestHost, type TestHost } from './test-host.js';

export interface OpenOptions {
  readonly viewport?: { width: number; height: number };
  /** The account signed in before the page loads (default: the manual's member, 123456). */
  readonly as?: string;
}

export interface BrowserEnvironment {
  readonly browser: Browser;
  readonly host: TestHost;
  /** The real server behind the host's `/api/`: its database, clock and an in-process client. */
  readonly server: DemoServer;
  readonly url: (path: string) => string;
  /** Opens a page of the test host in a fresh browser context (signed in when there is a server). */
  open(path: string, options?: OpenOptions): Promise<OpenedPage>;
  /**
   * Closes every page opened so far, waits for what they still sent to the API, and takes the
   * server back to its seeded state and start time, for the next test.
   */
  closePages(): Promise<void>;
  close(): Promise<void>;
}

export interface EnvironmentOptions {
  /**
   * Whether `/api/` is the real server (default). Suites whose pages pass the definition
   * themselves and talk to no API leave it out and save its start.
   */
  readonly server?: boolean;
}

/**
 * What every browser suite starts from: the bundle freshly built (into a folder of its own, so
 * suites running side by side never read a half-written file), the real server on a seeded
 * in-memory database (one per suite, shared by its tests), the test host in front of it, and
 * Chromium.
 */
export async function startBrowserEnvironment(options: EnvironmentOptions = {}): Promise<BrowserEnvironment> {
  const bundleDir = await mkdtemp(join(tmpdir(), 'mamis-components-'));
  const [, server, browser] = await Promise.all([
    buildComponents({ outdir: bundleDir, manifest: false }),
    options.server === false ? undefined : startDemoServer(),
    launchChromium(),
  ]);
  const forms = loadForms();
  // A form that is none of the project's three, to show the components know no form by name.
  forms.set(GALLERY_FORM.id, compile(GALLERY_FORM));
  const host = await startTestHost({ bundleDir, server: server?.app, forms });
  const opened: OpenedPage[] = [];
  const url = (path: string) => `${host.origin}${path}`;
  return {
    browser,
    host,
    get server(): DemoServer {
      if (!server) throw new Error('This suite started its environment without the server.');
      return server;
    },
    url,
    async open(path, { viewport = DESKTOP, as = TARO.login } = {}) {
      // Signed in through POST /api/session before the page loads, as after the portal's login:
      // the components then find the cookie and ask GET /api/session for the CSRF token.
      const session = server && (await server.sessionCookie(as));
      const page = await openPage(browser, url(path), {
        viewport,
        beforeLoad: async (context) => {
          if (session === undefined) return;
          await context.addCookies([
            { name: 'mamis_session', value: session, url: host.origin, httpOnly: true, sameSite: 'Lax' },
          ]);
        },
      });
      opened.push(page);
      return page;
    },
    async closePages() {
      for (const page of opened.splice(0)) await page.context.close();
      await host.settled();
      await server?.reset();
      host.forgetCalls();
    },
    async close() {
      await browser?.close();
      await host?.close();
      await server?.dispose();
      await rm(bundleDir, { recursive: true, force: true });
    },
  };
}
