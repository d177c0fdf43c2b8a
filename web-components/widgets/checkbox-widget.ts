import { live } from 'lit/directives/live.js';
import { html } from 'lit/html.js';
import { describedBy, renderError, renderHint, renderLabel } from './field-parts.js';
import type { WidgetProps } from './widget-types.js';

/** A yes/no question as one checkbox. */
export function renderCheckboxWidget(props: WidgetProps) {
  return html`${renderLabel(props)}
    <div class="control">
      <div class="control-row">
        <input
          id=${props.ids.control}
          class="checkbox"
          part="input"
          type="checkbox"
          .checked=${live(props.value === true)}
          aria-required=${props.field.required ? 'true' : 'false'}
          aria-invalid=${props.error ? 'true' : 'false'}
          aria-describedby=${describedBy(props)}
          @change=${(event: Event) => props.onCommit((event.target as HTMLInputElement).checked)}
        />
        ${renderHint(props)}
      </div>
      ${renderError(props)}
    </div>`;
}
