import { html } from 'hono/html';
import { type ConfirmRow, type ConfirmView, layerLabel } from '../../../engine/index.js';
import type { Html } from '../layout/html-types.js';

/**
 * The stored confirm view as the office reads it: the same table the member confirmed (one
 * section per step, labels on the left, targets as 所属施設名 then [3層] 小樽市医師会 …).
 */
export function confirmViewHtml(view: ConfirmView): Html {
  return html`${view.sections.map(
    (section) => html`<section class="confirm-section">
      <h3 class="confirm-title">${section.title.ja}</h3>
      <table class="confirm-table">
        <tbody>
          ${section.rows.map((row) => html`<tr><th scope="row">${row.label.ja}</th><td>${rowValue(row)}</td></tr>`)}
        </tbody>
      </table>
    </section>`,
  )}`;
}

function rowValue(row: ConfirmRow): Html {
  switch (row.kind) {
    case 'value':
      return html`<span class="${row.empty ? 'empty-value' : ''}">${row.value.ja}</span>`;
    case 'list':
      return html`<ul class="plain-list">${row.values.map((value) => html`<li>${value.ja}</li>`)}</ul>`;
    case 'targets':
      return html`${row.facility ? html`<p class="confirm-facility">所属施設名：${row.facility.ja}</p>` : ''}
        <ul class="plain-list">
          ${row.targets.map(
            (target) =>
              html`<li><span class="layer-tag">[${layerLabel(target.layer).ja}]</span> ${target.name.ja}</li>`,
          )}
        </ul>`;
    default: {
      const exhaustive: never = row;
      return exhaustive;
    }
  }
}
