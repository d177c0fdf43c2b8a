import { DECISIONS, type Decision } from '../../store/decide-target.js';
import type { FormFields } from '../http/form-fields.js';

/** The API's limit on an office comment. */
export const MAX_COMMENT = 1000;

export type DecisionInput =
  | { readonly ok: true; readonly decision: Decision; readonly comment: string | null }
  | { readonly ok: false; readonly message: string; readonly comment: string };

/**
 * The decision form's fields, read as the API reads its JSON: one of the three decisions, a
 * comment of at most 1000 characters, and a comment required to return (差戻し).
 */
export function readDecisionForm(fields: FormFields): DecisionInput {
  const raw = fields.get('comment') ?? '';
  const decision = fields.get('decision');
  if (!DECISIONS.includes(decision as Decision)) {
    return { ok: false, message: '処理内容（申請中にする・承認・差戻し）を選んでください', comment: raw };
  }
  const comment = raw.trim() === '' ? null : raw.normalize('NFC').trim();
  if (comment !== null && comment.length > MAX_COMMENT) {
    return { ok: false, message: `コメントは${MAX_COMMENT}文字以内で入力してください`, comment: raw };
  }
  if (decision === 'return' && comment === null) {
    return { ok: false, message: '差戻しの理由（コメント）を入力してください', comment: raw };
  }
  return { ok: true, decision: decision as Decision, comment };
}

/** The message after a decision, chosen by code so no text from the URL reaches the page. */
export const DONE_MESSAGES: Readonly<Record<Decision, string>> = {
  review: '「申請中」にしました。会員のマイページに表示され、確認メールが送信されます。',
  approve: '承認しました。会員のマイページと入退会履歴に反映され、通知メールが送信されます。',
  return: '差戻しました。コメントは会員のマイページに表示され、通知メールが送信されます。',
};
