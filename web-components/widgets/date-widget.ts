import { live } from 'lit/directives/live.js';
import { html } from 'lit/html.js';
import { formatDisplayDate, isCalendarDate, normaliseDateInput } from '../../engine/browser.js';
import type { MamisDateSelectDetail } from '../events/mamis-events.js';
import { describedBy, renderError, renderHint, renderLabel, stringValue, targetValue } from './field-parts.js';
import type { WidgetProps } from './widget-types.js';

/**
 * A date typed as yyyy/mm/dd (full-width digits and 2024年10月31日 accepted, shown back as
 * 2024/10/31 on leaving the field) or picked from `<mamis-calendar>`.
 */
export function renderDateWidget(props: WidgetProps) {
  // A stored ISO date (an application being edited) is shown as the manual writes dates.
  const value = stringValue(props.value);
  const typed = /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDisplayDate(value) : value;
  const iso = normaliseDateInput(typed);
  const tidy = (text: string) => {
    const normalised = normaliseDateInput(text);
    return isCalendarDate(normalised) ? formatDisplayDate(normalised) : text;
  };
  return html`${renderLabel(props)}
    <div class="control">
      <div class="control-row">
        <input
          id=${props.ids.control}
          class="input date"
          part="input"
          type="text"
          autocomplete="off"
          .value=${live(typed)}
          placeholder=${props.field.placeholder ?? 'yyyy/mm/dd'}
          aria-required=${props.field.required ? 'true' : 'false'}
          aria-invalid=${props.error ? 'true' : 'false'}
          aria-describedby=${describedBy(props)}
          @input=${(event: Event) => props.onInput(targetValue(event))}
          @blur=${(event: Event) => props.onCommit(tidy(targetValue(event)))}
        />
        <mamis-calendar
          lang=${props.lang}
          .value=${isCalendarDate(iso) ? iso : ''}
          .min=${props.field.minDate ?? ''}
          .max=${props.field.maxDate ?? ''}
          .today=${props.today}
          .label=${props.field.label}
          @mamis-date-select=${(event: CustomEvent<MamisDateSelectDetail>) =>
            props.onCommit(formatDisplayDate(event.detail.date))}
        ></mamis-calendar>
        ${renderHint(props)}
      </div>
      ${renderError(props)}
    </div>`;
}
