import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, runAxe, screenshot } from '../support/browser.js';
import { type BrowserEnvironment, startBrowserEnvironment } from '../support/environment.js';

describe('<mamis-membership-history> (医師会入退会履歴)', () => {
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

  const rows = (page: import('playwright-core').Page) =>
    page
      .locator('mamis-membership-history tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim().replace(/\s+/g, ' '))),
      );

  it('lists each membership by layer and association with its facility and dates (yyyy/mm/dd, 在籍中)', async () => {
    const { page } = await env.open('/pages/portal.html');
    await page.locator('mamis-membership-history').getByRole('table').waitFor();
    expect(await rows(page)).toEqual([
      ['3層小樽市医師会', '医療法人社団 青柳皮膚科医院', '2004/04/01', '在籍中'],
      ['3層札幌市医師会', '札幌北病院', '1998/04/01', '2004/03/31'],
    ]);
    await screenshot(page, 'portal-desktop');
    expect(await runAxe(page)).toEqual([]);
  });

  it('stacks its rows on a phone and speaks English with lang="en"', async () => {
    const { page } = await env.open('/pages/portal.html?lang=en', PHONE);
    const history = page.locator('mamis-membership-history');
    await history.getByRole('heading', { name: 'Membership history' }).waitFor();
    expect((await rows(page))[0]).toEqual([
      'Layer 3Otaru Medical Association',
      'Aoyagi Dermatology Clinic',
      '2004/04/01',
      'Current',
    ]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(
      0,
    );
    await screenshot(page, 'portal-phone-en');
    expect(await runAxe(page)).toEqual([]);
  });
});
