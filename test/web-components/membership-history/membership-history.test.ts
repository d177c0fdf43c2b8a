import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, runAxe, screenshot } from '../support/browser.js';
import { decide, fileApplication } from '../support/demo-activity.js';
import { OFFICES, TARO } from '../support/demo-members.js';
import { type BrowserEnvironment, startBrowserEnvironment } from '../support/environment.js';

/** 日医 太郎's memberships as the demo seed has them: latest first, lowest layer first within a day. */
const SEEDED_HISTORY = [
  ['3層千代田区医師会', '千代田丸の内クリニック', '2015/10/01', '在籍中'],
  ['2層東京都医師会', '千代田丸の内クリニック', '2015/10/01', '在籍中'],
  ['3層小樽市医師会', '医療法人社団 青柳皮膚科医院', '2003/04/01', '在籍中'],
  ['2層北海道医師会', '医療法人社団 青柳皮膚科医院', '2003/04/01', '在籍中'],
  ['1層日本医師会', '医療法人社団 青柳皮膚科医院', '2003/04/01', '在籍中'],
  ['3層札幌市医師会', '札幌中央病院', '1996/04/01', '2003/03/31'],
];

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

  const rows = (page: Page) =>
    page
      .locator('mamis-membership-history tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim().replace(/\s+/g, ' '))),
      );

  it('lists each membership by layer and association with its facility and dates (yyyy/mm/dd, 在籍中)', async () => {
    const { page } = await env.open('/pages/portal.html');
    await page.locator('mamis-membership-history').getByRole('table').waitFor();
    expect(await rows(page)).toEqual(SEEDED_HISTORY);
    await screenshot(page, 'portal-desktop');
    expect(await runAxe(page)).toEqual([]);
  });

  it('shows the end date once the offices approved a withdrawal', async () => {
    const id = await fileApplication(env.server, TARO.login, 'withdrawal', {
      withdrawFrom: { groupId: TARO.aoyagi, associationIds: ['city-otaru'] },
      withdrawalDate: '2024-10-31',
      reason: 'retirement',
    });
    for (const office of [OFFICES.otaru, OFFICES.hokkaido, OFFICES.jma]) {
      await decide(env.server, office.login, id, 'approve');
    }
    const { page } = await env.open('/pages/portal.html');
    await page.locator('mamis-membership-history').getByRole('table').waitFor();
    expect(await rows(page)).toEqual(
      SEEDED_HISTORY.map((row) =>
        row[1] === '医療法人社団 青柳皮膚科医院' ? [...row.slice(0, 3), '2024/10/31'] : row,
      ),
    );
    await expect
      .poll(() => page.locator('mamis-application-status .chip').allTextContents())
      .toEqual(['承認', '承認', '承認']);
  });

  it('stacks its rows on a phone and speaks English with lang="en"', async () => {
    const { page } = await env.open('/pages/portal.html?lang=en', { viewport: PHONE });
    const history = page.locator('mamis-membership-history');
    await history.getByRole('heading', { name: 'Membership history' }).waitFor();
    expect((await rows(page))[0]).toEqual([
      'Layer 3Chiyoda Ward Medical Association',
      'Chiyoda Marunouchi Clinic',
      '2015/10/01',
      'Current',
    ]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(
      0,
    );
    await screenshot(page, 'portal-phone-en');
    expect(await runAxe(page)).toEqual([]);
  });
});
