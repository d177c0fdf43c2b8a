import '../form/define.js';
import { MamisFormStudio } from './mamis-form-studio.js';

if (!customElements.get('mamis-form-studio')) customElements.define('mamis-form-studio', MamisFormStudio);

declare global {
  interface HTMLElementTagNameMap {
    'mamis-form-studio': MamisFormStudio;
  }
}
