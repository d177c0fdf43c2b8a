import { live } from 'lit/directives/live.js';
import { html } from 'lit/html.js';
import { describedBy, renderError, renderHint, renderLabel, stacked } from './field-parts.js';
import type { WidgetProps } from './widget-types.js';

/** One choice among a few, as native radios (arrow keys move between them). */
export function renderRadioWidget(props: WidgetProps) {
  const { field, ids } = props;
  return html`${renderLabel(props, 'group-label')}
    <div class="control">
      ${
        field.options.length === 0
          ? html`<p id=${ids.control} class="empty" tabindex="-1">${props.emptyText}</p>`
          : html`<div
              class="choices ${stacked(field.options) ? 'stacked' : ''}"
              part="choices"
              role="radiogroup"
              aria-labelledby=${ids.label}
              aria-required=${field.required ? 'true' : 'false'}
              aria-invalid=${props.error ? 'true' : 'false'}
              aria-describedby=${describedBy(props)}
            >
              ${field.options.map(
                (option, index) =>
                  html`<label class="choice" part="choice">
                    <input
                      type="radio"
                      id=${index === 0 ? ids.control : `${ids.control}-${index}`}
                      name=${ids.control}
                      value=${option.value}
                      .checked=${live(props.value === option.value)}
                      @change=${() => props.onCommit(option.value)}
                    />
                    <span>${option.label}</span>
                  </label>`,
              )}
            </div>`
      }
      ${renderHint(props)} ${renderError(props)}
    </div>`;
}
