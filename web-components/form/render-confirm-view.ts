import { html, nothing, type TemplateResult } from 'lit/html.js';
import { type ConfirmRow, type ConfirmView, type Locale, layerLabel } from '../../engine/browser.js';
import type { ChromeText } from '../i18n/chrome-text.js';

/**
 * The engine's confirm view as the manual's table: one section per step with its 修正 link,
 * label cells on the left, targets as 所属施設名 then [3層] 小樽市医師会 … by layer.
 */
export function renderConfirmView(
  view: ConfirmView,
  locale: Locale,
  text: ChromeText,
  onEdit: ((stepId: string) => void) | undefined,
): TemplateResult {
  return html`${view.sections.map(
    (
      section,
    ) => html`<section class="confirm-section" part="confirm-section" aria-labelledby=${`confirm-${section.stepId}`}>
      <div class="confirm-head">
        <h3 id=${`confirm-${section.stepId}`} class="confirm-title">${section.title[locale]}</h3>
        ${
          onEdit
            ? html`<button
                type="button"
                class="link edit"
                part="edit"
                aria-label=${text.editSection(section.title[locale])}
                @click=${() => onEdit(section.stepId)}
              >
                ${text.edit}
              </button>`
            : nothing
        }
      </div>
      <table class="confirm-table" part="confirm-table">
        <tbody>
          ${section.rows.map(
            (row) => html`<tr>
              <th scope="row">${row.label[locale]}</th>
              <td>${renderValue(row, locale, text)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </section>`,
  )}`;
}

function renderValue(row: ConfirmRow, locale: Locale, text: ChromeText): TemplateResult {
  switch (row.kind) {
    case 'value':
      return html`<span class=${row.empty ? 'empty-value' : ''}>${row.value[locale]}</span>`;
    case 'list':
      return html`<ul class="confirm-list">
        ${row.values.map((value) => html`<li>${value[locale]}</li>`)}
      </ul>`;
    case 'targets':
      return html`${row.facility ? html`<p class="confirm-facility">${text.facility}${text.colon}${row.facility[locale]}</p>` : nothing}
        <ul class="confirm-targets">
          ${row.targets.map(
            (target) =>
              html`<li>
                <span class="layer-tag">${text.layerTag(layerLabel(target.layer)[locale])}</span> ${target.name[locale]}
              </li>`,
          )}
        </ul>`;
    default: {
      const exhaustive: never = row;
      return exhaustive;
    }
  }
}
