import { html } from 'hono/html';
import type { TargetStatus } from '../../db/database.js';
import { TARGET_STATUS_LABELS } from '../../store/status-labels.js';
import type { Html } from '../layout/html-types.js';

/** 申請 / 申請中 / 承認 / 差戻し / 取下げ, coloured like the components' chips. */
export function statusChip(status: TargetStatus): Html {
  return html`<span class="chip chip-${status}">${TARGET_STATUS_LABELS[status].ja}</span>`;
}
