import { live } from 'lit/directives/live.js';
import { html } from 'lit/html.js';
import { describedBy, renderError, renderHint, renderLabel, stacked } from './field-parts.js';
import type { WidgetProps } from './widget-types.js';

/** Several choices from a list (an array of enum values). */
export function renderCheckboxesWidget(props: WidgetProps) {
  const { field, ids } = props;
  const chosen = Array.isArray(props.value) ? (props.value as unknown[]) : [];
  const toggle = (value: string, checked: boolean) => {
    const next = field.options
      .map((option) => option.value)
      .filter((candidate) => (candidate === value ? checked : chosen.includes(candidate)));
    props.onCommit(next);
  };
  return html`${renderLabel(props, 'group-label')}
    <div class="control">
      ${
        field.options.length === 0
          ? html`<p id=${ids.control} class="empty" tabindex="-1">${props.emptyText}</p>`
          : html`<div
              class="choices ${stacked(field.options) ? 'stacked' : ''}"
              part="choices"
              role="group"
              aria-labelledby=${ids.label}
              aria-describedby=${describedBy(props)}
            >
              ${field.options.map(
                (option, index) =>
                  html`<label class="choice" part="choice">
                    <input
                      type="checkbox"
                      id=${index === 0 ? ids.control : `${ids.control}-${index}`}
                      value=${option.value}
                      aria-invalid=${props.error ? 'true' : 'false'}
                      .checked=${live(chosen.includes(option.value))}
                      @change=${(event: Event) => toggle(option.value, (event.target as HTMLInputElement).checked)}
                    />
                    <span>${option.label}</span>
                  </label>`,
              )}
            </div>`
      }
      ${renderHint(props)} ${renderError(props)}
    </div>`;
}
