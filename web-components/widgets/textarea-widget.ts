import { live } from 'lit/directives/live.js';
import { html } from 'lit/html.js';
import { describedBy, renderError, renderHint, renderLabel, stringValue, targetValue } from './field-parts.js';
import type { WidgetProps } from './widget-types.js';

/** Several lines of text. */
export function renderTextareaWidget(props: WidgetProps) {
  return html`${renderLabel(props)}
    <div class="control">
      <textarea
        id=${props.ids.control}
        class="input textarea"
        part="input"
        rows="4"
        .value=${live(stringValue(props.value))}
        placeholder=${props.field.placeholder ?? ''}
        aria-required=${props.field.required ? 'true' : 'false'}
        aria-invalid=${props.error ? 'true' : 'false'}
        aria-describedby=${describedBy(props)}
        @input=${(event: Event) => props.onInput(targetValue(event))}
        @blur=${(event: Event) => props.onCommit(targetValue(event))}
      ></textarea>
      ${renderHint(props)} ${renderError(props)}
    </div>`;
}
