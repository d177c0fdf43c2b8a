import { MamisApplicationStatus } from './mamis-application-status.js';

if (!customElements.get('mamis-application-status')) {
  customElements.define('mamis-application-status', MamisApplicationStatus);
}

declare global {
  interface HTMLElementTagNameMap {
    'mamis-application-status': MamisApplicationStatus;
  }
}
