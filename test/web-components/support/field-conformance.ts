import type { Page } from 'playwright-core';

export interface FieldConformance {
  readonly field: string;
  /** The error shown under the field, if any. */
  readonly error: string | null;
  /** Some control of the field says aria-invalid="true". */
  readonly invalid: boolean;
  /** The error text is what a control's aria-describedby points at, in the same shadow root. */
  readonly errorDescribed: boolean;
  /** Every control is named by the field's label (label[for], aria-labelledby or a wrapping label). */
  readonly labelled: boolean;
}

/**
 * What every widget owes the member, checked from the DOM the same way for any widget: the
 * shared conformance suite. Reads every visible field of the current step.
 */
export function fieldConformance(page: Page): Promise<FieldConformance[]> {
  return page.locator('mamis-form').evaluate((host) => {
    const root = host.shadowRoot!;
    return [...root.querySelectorAll<HTMLElement>('[data-field]')].map((container) => {
      const error = container.querySelector('.error');
      const controls = [...container.querySelectorAll<HTMLElement>('input, select, textarea')];
      const described = [...container.querySelectorAll<HTMLElement>('[aria-describedby]')].some((element) =>
        (element.getAttribute('aria-describedby') ?? '')
          .split(/\s+/)
          .some((id) => error !== null && root.getElementById(id) === error),
      );
      const label = container.querySelector('.label-text')?.textContent?.trim() ?? '';
      const nameOf = (control: HTMLElement): string => {
        const byFor = control.id ? root.querySelector(`label[for="${CSS.escape(control.id)}"]`) : null;
        const group = control.closest('[aria-labelledby]');
        const byGroup = group ? root.getElementById(group.getAttribute('aria-labelledby')!) : null;
        return `${byFor?.textContent ?? ''} ${byGroup?.textContent ?? ''} ${control.closest('label')?.textContent ?? ''}`;
      };
      return {
        field: container.dataset.field!,
        error: error?.textContent?.trim() ?? null,
        invalid: [...container.querySelectorAll('[aria-invalid="true"]')].length > 0,
        errorDescribed: described,
        labelled: controls.length > 0 && controls.every((control) => nameOf(control).includes(label) && label !== ''),
      };
    });
  });
}
