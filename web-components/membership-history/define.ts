import { MamisMembershipHistory } from './mamis-membership-history.js';

if (!customElements.get('mamis-membership-history')) {
  customElements.define('mamis-membership-history', MamisMembershipHistory);
}

declare global {
  interface HTMLElementTagNameMap {
    'mamis-membership-history': MamisMembershipHistory;
  }
}
