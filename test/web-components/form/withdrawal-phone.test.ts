import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, runAxe, screenshot } from '../support/browser.js';
import { type BrowserEnvironment, startBrowserEnvironment } from '../support/environment.js';
import { walkWithdrawal } from '../support/withdrawal-walk.js';

describe('<mamis-form> on a phone', () => {
  let env: BrowserEnvironment;

  beforeAll(async () => {
    env = await startBrowserEnvironment({ server: false }); // the pages pass the definition: no API
  });

  afterAll(async () => {
    await env?.close();
  });

  const overflow = (page: import('playwright-core').Page) =>
    page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  it('fits every withdrawal screen into 390 px without sideways scrolling, accessible on each', async () => {
    const { page } = await env.open('/pages/form.html?form=withdrawal&mode=property', { viewport: PHONE });
    const screens: string[] = [];
    await walkWithdrawal(page, async (screen) => {
      screens.push(screen);
      expect(await overflow(page), `sideways overflow on ${screen}`).toBeLessThanOrEqual(0);
      await screenshot(page, `withdrawal-phone-${screen}`);
      expect(await runAxe(page), `axe on ${screen}`).toEqual([]);
    });
    expect(screens).toHaveLength(7);
  });

  it('still fits at 360 px, the narrowest width supported', async () => {
    const { page } = await env.open('/pages/form.html?form=withdrawal&mode=property', {
      viewport: { width: 360, height: 740 },
    });
    await walkWithdrawal(page, async (screen) => {
      expect(await overflow(page), `sideways overflow on ${screen}`).toBeLessThanOrEqual(0);
    });
  });
});
