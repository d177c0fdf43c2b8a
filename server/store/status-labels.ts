import type { Localized } from '../../engine/index.js';
import type { TargetStatus } from '../db/database.js';

/** How each target status is shown: the manual's words first. */
export const TARGET_STATUS_LABELS: Readonly<Record<TargetStatus, Localized>> = {
  submitted: { ja: '申請', en: 'Submitted' },
  in_review: { ja: '申請中', en: 'In review' },
  approved: { ja: '承認', en: 'Approved' },
  returned: { ja: '差戻し', en: 'Returned' },
  withdrawn: { ja: '取下げ', en: 'Withdrawn' },
};

export const TARGET_STATUSES = Object.keys(TARGET_STATUS_LABELS) as TargetStatus[];

export function isTargetStatus(value: unknown): value is TargetStatus {
  return typeof value === 'string' && Object.hasOwn(TARGET_STATUS_LABELS, value);
}
