import { live } from 'lit/directives/live.js';
import { html } from 'lit/html.js';
import { describedBy, renderError, renderHint, renderLabel, stringValue, targetValue } from './field-parts.js';
import type { WidgetProps } from './widget-types.js';

/** A drop-down; its choices may come from a source narrowed by another field. */
export function renderSelectWidget(props: WidgetProps) {
  const value = stringValue(props.value);
  return html`${renderLabel(props)}
    <div class="control">
      <div class="control-row">
        <select
          id=${props.ids.control}
          class="input select"
          part="input"
          aria-required=${props.field.required ? 'true' : 'false'}
          aria-invalid=${props.error ? 'true' : 'false'}
          aria-describedby=${describedBy(props)}
          .value=${live(value)}
          @change=${(event: Event) => props.onCommit(targetValue(event))}
        >
          <option value="" ?selected=${value === ''}>${props.field.placeholder ?? props.text.selectPlaceholder}</option>
          ${props.field.options.map(
            (option) =>
              html`<option value=${option.value} ?selected=${option.value === value}>${option.label}</option>`,
          )}
        </select>
        ${renderHint(props)}
      </div>
      ${renderError(props)}
    </div>`;
}
