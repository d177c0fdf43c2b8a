import { html, nothing, type TemplateResult } from 'lit/html.js';
import type { FieldError } from '../../engine/browser.js';
import type { ChromeText } from '../i18n/chrome-text.js';
import { fieldIds } from './field-ids.js';

/**
 * The summary at the top of a step after a failed 次へ: focus moves here, and each entry links
 * to its field. The same messages stand under the fields.
 */
export function renderErrorSummary(
  errors: readonly FieldError[] | undefined,
  text: ChromeText,
  focusField: (name: string) => void,
): TemplateResult | typeof nothing {
  if (!errors || errors.length === 0) return nothing;
  return html`<section class="error-summary" part="error-summary" tabindex="-1" aria-labelledby="error-summary-title">
    <h3 id="error-summary-title" class="error-summary-title">${text.errorSummaryTitle}</h3>
    <p>${text.errorSummaryCount(errors.length)}</p>
    <ul>
      ${errors.map((error) =>
        error.field === ''
          ? html`<li>${error.message}</li>`
          : html`<li>
              <a
                href=${`#${fieldIds(error.field).control}`}
                @click=${(event: Event) => {
                  event.preventDefault();
                  focusField(error.field);
                }}
                >${error.message}</a
              >
            </li>`,
      )}
    </ul>
  </section>`;
}
