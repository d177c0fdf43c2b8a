import type { Locator, Page } from 'playwright-core';

/** What a page's host script recorded of the components' events. */
export interface HostEvent {
  readonly type: string;
  readonly detail: Record<string, unknown>;
}

export function hostLog(page: Page): Promise<HostEvent[]> {
  return page.evaluate(() => (window as unknown as { hostLog: HostEvent[] }).hostLog);
}

/**
 * The texts an element's `aria-describedby` points at, resolved in the element's own root
 * (the form's shadow root): proof that the reference works where assistive technology looks.
 */
export function describedBy(locator: Locator): Promise<string[]> {
  return locator.evaluate((element) => {
    const root = element.getRootNode() as Document | ShadowRoot;
    return (element.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => root.getElementById(id)?.textContent?.trim().replace(/\s+/g, ' ') ?? `missing #${id}`);
  });
}

/** The step the form shows, from its last `mamis-step-change` event. */
export async function currentStep(page: Page): Promise<string | undefined> {
  const steps = (await hostLog(page)).filter((event) => event.type === 'mamis-step-change');
  return steps.at(-1)?.detail.stepId as string | undefined;
}

/** The texts of the confirm tables, row by row: `[label, value]`. */
export function confirmRows(page: Page): Promise<[string, string][]> {
  return page
    .locator('mamis-form .confirm-table tr')
    .evaluateAll((rows) =>
      rows.map((row) => [
        row.querySelector('th')?.textContent?.trim().replace(/\s+/g, ' ') ?? '',
        row.querySelector('td')?.textContent?.trim().replace(/\s+/g, ' ') ?? '',
      ]),
    );
}

/** Whether the page stores anything in the browser (it must not: drafts live on the server). */
export function browserStorage(page: Page): Promise<{ local: number; session: number; databases: number }> {
  return page.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    databases: (await indexedDB.databases()).length,
  }));
}
