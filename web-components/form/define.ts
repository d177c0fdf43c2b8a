import '../calendar/define.js';
import { MamisForm } from './mamis-form.js';

if (!customElements.get('mamis-form')) customElements.define('mamis-form', MamisForm);

declare global {
  interface HTMLElementTagNameMap {
    'mamis-form': MamisForm;
  }
}
