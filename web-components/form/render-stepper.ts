import { html, nothing, type TemplateResult } from 'lit/html.js';
import type { ProgressItem } from '../../engine/browser.js';
import type { ChromeText } from '../i18n/chrome-text.js';

/** The stepper of the manual: "1 医師会選択 — 2 確認・申請", the current step marked. */
export function renderStepper(progress: readonly ProgressItem[], text: ChromeText): TemplateResult | typeof nothing {
  if (progress.length === 0) return nothing;
  return html`<ol class="stepper" part="stepper" aria-label=${text.stepperLabel}>
    ${progress.map(
      (item) => html`<li class="stepper-item ${item.state}" aria-current=${item.state === 'current' ? 'step' : nothing}>
        <span class="stepper-number" aria-hidden="true">${item.number}</span>
        <span class="stepper-title"
          ><span class="visually-hidden">${item.number}. </span>${item.title}${
            item.state === 'done' ? html`<span class="visually-hidden">（${text.stepDone}）</span>` : nothing
          }</span
        >
      </li>`,
    )}
  </ol>`;
}
