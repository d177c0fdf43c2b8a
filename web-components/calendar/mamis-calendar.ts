import { html, nothing } from 'lit/html.js';
import { MamisElement, type PropertyValues } from '../base/mamis-element.js';
import { emit } from '../events/mamis-events.js';
import { chromeText } from '../i18n/chrome-text.js';
import { resolveLocale } from '../i18n/resolve-locale.js';
import { baseStyles } from '../styles/base-styles.js';
import { addDays, addMonths, clampDate, monthWeeks, weekdayOf } from './calendar-month.js';
import { calendarStyles } from './mamis-calendar.styles.js';

const KEY_MOVES: Readonly<Record<string, (iso: string, shift: boolean) => string>> = {
  ArrowLeft: (iso) => addDays(iso, -1),
  ArrowRight: (iso) => addDays(iso, 1),
  ArrowUp: (iso) => addDays(iso, -7),
  ArrowDown: (iso) => addDays(iso, 7),
  Home: (iso) => addDays(iso, -weekdayOf(iso)),
  End: (iso) => addDays(iso, 6 - weekdayOf(iso)),
  PageUp: (iso, shift) => addMonths(iso, shift ? -12 : -1),
  PageDown: (iso, shift) => addMonths(iso, shift ? 12 : 1),
};

/**
 * A button that opens a month calendar to pick a day: arrow keys move by day and week, Page Up /
 * Page Down by month (with Shift by year), Enter picks, Escape closes. Days outside `min`–`max`
 * are shown but cannot be picked. Used by the date widget next to its text box.
 *
 * @summary Date picker popup for the date widget.
 * @event mamis-date-select - A day was picked; `detail.date` is `YYYY-MM-DD`.
 * @csspart button - The calendar button.
 * @csspart popup - The month calendar.
 */
export class MamisCalendar extends MamisElement {
  static override styles = [baseStyles, calendarStyles];

  static override properties = {
    value: { type: String },
    min: { type: String },
    max: { type: String },
    today: { type: String },
    label: { type: String },
    open: { type: Boolean, reflect: true },
    focusDate: { state: true },
  };

  /** The chosen day, `YYYY-MM-DD`, or empty. */
  declare value: string;
  /** The first day that may be picked, `YYYY-MM-DD`, or empty. */
  declare min: string;
  /** The last day that may be picked, `YYYY-MM-DD`, or empty. */
  declare max: string;
  /** The day marked as today and shown first when nothing is chosen. */
  declare today: string;
  /** The field's label, for the button's accessible name. */
  declare label: string;
  /** Whether the month calendar is shown. */
  declare open: boolean;
  declare private focusDate: string;

  #refocus: 'day' | 'button' | undefined;

  constructor() {
    super();
    this.value = '';
    this.min = '';
    this.max = '';
    this.today = new Date().toISOString().slice(0, 10);
    this.label = '';
    this.open = false;
    this.focusDate = '';
  }

  override render() {
    const text = chromeText(resolveLocale(this));
    return html`<button
        type="button"
        class="button toggle"
        part="button"
        aria-haspopup="dialog"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-label=${text.calendarOpen(this.label)}
        @click=${this.#toggle}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M7 2h2v2h6V2h2v2h3a1 1 0 0 1 1 1v15a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1h3V2zm12 8H5v9h14v-9zM5 8h14V6H5v2zm2 4h2v2H7v-2zm4 0h2v2h-2v-2zm4 0h2v2h-2v-2z"
          />
        </svg>
      </button>
      ${this.open ? this.#renderPopup() : nothing}`;
  }

  #renderPopup() {
    const text = chromeText(resolveLocale(this));
    const focus = this.focusDate;
    const [year, month] = focus.split('-').map(Number) as [number, number];
    return html`<div
      class="popup"
      part="popup"
      role="dialog"
      aria-labelledby="month"
      @keydown=${this.#onKeydown}
      @focusout=${this.#onFocusOut}
    >
      <div class="head">
        <button type="button" class="button nav" aria-label=${text.calendarPrevious} @click=${() => this.#move(addMonths(focus, -1))}>‹</button>
        <p id="month" class="month" aria-live="polite">${text.calendarMonth(year, month)}</p>
        <button type="button" class="button nav" aria-label=${text.calendarNext} @click=${() => this.#move(addMonths(focus, 1))}>›</button>
      </div>
      <table>
        <thead>
          <tr>
            ${text.weekdays.map((weekday) => html`<th scope="col">${weekday}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${monthWeeks(focus).map(
            (week) =>
              html`<tr>
                ${week.map((day) => {
                  if (!day) return html`<td></td>`;
                  const disabled = clampDate(day.iso, this.min, this.max) !== day.iso;
                  return html`<td>
                    <button
                      type="button"
                      class="day ${day.iso === this.today ? 'today' : ''}"
                      data-date=${day.iso}
                      tabindex=${day.iso === focus ? '0' : '-1'}
                      aria-label=${text.calendarDay(year, month, day.day, text.weekdays[day.weekday]!)}
                      aria-pressed=${day.iso === this.value ? 'true' : 'false'}
                      aria-current=${day.iso === this.today ? 'date' : nothing}
                      aria-disabled=${disabled ? 'true' : 'false'}
                      @click=${() => this.#pick(day.iso, disabled)}
                    >
                      ${day.day}
                    </button>
                  </td>`;
                })}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const refocus = this.#refocus;
    this.#refocus = undefined;
    if (refocus === 'day') this.renderRoot.querySelector<HTMLElement>(`[data-date="${this.focusDate}"]`)?.focus();
    if (refocus === 'button') this.renderRoot.querySelector<HTMLElement>('.toggle')?.focus();
  }

  #toggle = () => {
    if (this.open) {
      this.open = false;
      return;
    }
    const start = this.value !== '' ? this.value : clampDate(this.today, this.min, this.max);
    this.focusDate = start;
    this.open = true;
    this.#refocus = 'day';
  };

  #move(iso: string) {
    this.focusDate = iso;
    this.#refocus = 'day';
  }

  #pick(iso: string, disabled: boolean) {
    if (disabled) return;
    this.value = iso;
    this.#close();
    emit(this, 'mamis-date-select', { date: iso });
  }

  #close(refocus = true) {
    this.open = false;
    if (refocus) this.#refocus = 'button';
  }

  #onKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.#close();
      return;
    }
    const move = KEY_MOVES[event.key];
    const onDay = (event.composedPath()[0] as HTMLElement).dataset?.date !== undefined;
    if (!move || !onDay) return;
    event.preventDefault();
    this.#move(move(this.focusDate, event.shiftKey));
  };

  // Focus leaving the popup closes it. Checked a moment later: moving to another month re-renders
  // the days, which drops focus for an instant before it lands on the new day.
  #onFocusOut = () => {
    setTimeout(() => {
      if (this.open && !this.renderRoot.activeElement) this.#close(false);
    });
  };
}
