import { MamisCalendar } from './mamis-calendar.js';

if (!customElements.get('mamis-calendar')) customElements.define('mamis-calendar', MamisCalendar);

declare global {
  interface HTMLElementTagNameMap {
    'mamis-calendar': MamisCalendar;
  }
}
