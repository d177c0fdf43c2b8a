import { live } from 'lit/directives/live.js';
import { html } from 'lit/html.js';
import { describedBy, renderError, renderHint, renderLabel, stringValue, targetValue } from './field-parts.js';
import type { WidgetProps } from './widget-types.js';

/** One line of text. Also numbers: typed as text so full-width digits (１２３) are accepted. */
export function renderTextWidget(props: WidgetProps) {
  const numeric = props.field.widget === 'number';
  return html`${renderLabel(props)}
    <div class="control">
      <div class="control-row">
        <input
          id=${props.ids.control}
          class="input ${numeric ? 'narrow' : ''}"
          part="input"
          type="text"
          inputmode=${numeric ? 'decimal' : 'text'}
          autocomplete="off"
          .value=${live(stringValue(props.value))}
          placeholder=${props.field.placeholder ?? ''}
          aria-required=${props.field.required ? 'true' : 'false'}
          aria-invalid=${props.error ? 'true' : 'false'}
          aria-describedby=${describedBy(props)}
          @input=${(event: Event) => props.onInput(targetValue(event))}
          @blur=${(event: Event) => props.onCommit(targetValue(event))}
        />
        ${renderHint(props)}
      </div>
      ${renderError(props)}
    </div>`;
}
