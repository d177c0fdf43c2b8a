import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { buildComponents } from '../../../web-components/build.js';
import { DESKTOP, launchChromium, type OpenedPage, openPage } from './browser.js';
import { compile, loadForms } from './form-catalogue.js';
import { GALLERY_FORM } from './gallery-form.js';
import { startTestHost, type TestHost } from './test-host.js';

export interface BrowserEnvironment {
  readonly browser: Browser;
  readonly host: TestHost;
  readonly url: (path: string) => string;
  /** Opens a page of the test host in a fresh browser context, closed by `closePages`. */
  open(path: string, viewport?: { width: number; height: number }): Promise<OpenedPage>;
  /**
   * Closes every page opened so far, so none keeps talking to the API into the next test, and
   * resets the API's drafts, applications and records.
   */
  closePages(): Promise<void>;
  close(): Promise<void>;
}

/**
 * What every browser suite starts from: the bundle freshly built (into a folder of its own, so
 * suites running side by side never read a half-written file), the test host, and Chromium.
 */
export async function startBrowserEnvironment(): Promise<BrowserEnvironment> {
  const bundleDir = await mkdtemp(join(tmpdir(), 'mamis-components-'));
  await buildComponents({ outdir: bundleDir, manifest: false });
  const forms = loadForms();
  // A form that is none of the project's three, to show the components know no form by name.
  forms.set(GALLERY_FORM.id, compile(GALLERY_FORM));
  const host = await startTestHost({ bundleDir, forms });
  const browser = await launchChromium();
  const opened: OpenedPage[] = [];
  const url = (path: string) => `${host.origin}${path}`;
  return {
    browser,
    host,
    url,
    async open(path, viewport = DESKTOP) {
      const page = await openPage(browser, url(path), viewport);
      opened.push(page);
      return page;
    },
    async closePages() {
      for (const page of opened.splice(0)) await page.context.close();
      host.api.reset();
    },
    async close() {
      await browser.close();
      await host.close();
      await rm(bundleDir, { recursive: true, force: true });
    },
  };
}
