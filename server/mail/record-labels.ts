import type { Locale, Localized } from '../../engine/index.js';
import type { TargetRole, TargetStatus } from '../db/database.js';

/** The words the member portal shows for a target's status (the manual's 申請 / 申請中 …). */
export const STATUS_LABELS: Readonly<Record<TargetStatus, Localized>> = {
  submitted: { ja: '申請', en: 'Submitted' },
  in_review: { ja: '申請中', en: 'In review' },
  approved: { ja: '承認', en: 'Approved' },
  returned: { ja: '差戻し', en: 'Returned' },
  withdrawn: { ja: '取下げ', en: 'Withdrawn' },
};

export const ROLE_LABELS: Readonly<Record<TargetRole, Localized>> = {
  leave: { ja: '退会', en: 'Leaving' },
  join: { ja: '入会', en: 'Joining' },
};

/** How lists are joined in one line: 小樽市医師会、北海道医師会 / Otaru, Hokkaido. */
export const LIST_SEPARATOR: Readonly<Record<Locale, string>> = { ja: '、', en: ', ' };

/** The label of a stored code, or the code itself if a newer server wrote one we do not know. */
export function labelOf<K extends string>(
  labels: Readonly<Record<K, Localized>>,
  code: string,
  locale: Locale,
): string {
  return Object.hasOwn(labels, code) ? labels[code as K][locale] : code;
}
