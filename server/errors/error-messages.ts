import type { Localized } from '../../engine/index.js';
import type { ErrorCode } from './app-errors.js';

/** The standard message of each error code, Japanese first, in the manual's polite voice. */
export const ERROR_MESSAGES: Readonly<Record<ErrorCode, Localized>> = {
  invalid_json: {
    ja: 'リクエストの本文が正しい JSON ではありません',
    en: 'The request body is not valid JSON',
  },
  invalid_request: {
    ja: 'リクエストの内容が正しくありません',
    en: 'The request is not valid',
  },
  unauthenticated: {
    ja: 'ログインしてください',
    en: 'Please sign in',
  },
  invalid_credentials: {
    ja: 'ログインIDまたはパスワードが正しくありません',
    en: 'The login or password is not correct',
  },
  invalid_token: {
    ja: '認証トークンが無効です。連携元のサイトからもう一度開いてください',
    en: 'The sign-in token is not valid. Open the page again from the referring site',
  },
  forbidden: {
    ja: 'この操作を行う権限がありません',
    en: 'You are not allowed to do this',
  },
  csrf_token_invalid: {
    ja: '画面の有効期限が切れました。画面を再読み込みしてから、もう一度お試しください',
    en: 'The page has expired. Reload it and try again',
  },
  not_found: {
    ja: '指定されたデータが見つかりません',
    en: 'Not found',
  },
  open_application_exists: {
    ja: 'このグループには、審査が完了していない同じ種類の申請がすでにあります。申請ステータスをご確認ください',
    en: 'There is already an open application of this kind for this group. Please check the application status',
  },
  form_version_outdated: {
    ja: '申請書式が更新されました。画面を再読み込みしてから、もう一度お試しください',
    en: 'The form has been updated. Reload the page and try again',
  },
  not_editable: {
    ja: '医師会での審査が始まっているため、この申請は修正・削除できません',
    en: 'An association has started its review, so this application can no longer be edited or withdrawn',
  },
  transition_not_allowed: {
    ja: 'この申請はすでに処理されているため、この操作はできません',
    en: 'This application has already been handled; this action is not possible',
  },
  membership_not_current: {
    ja: 'この医師会の在籍情報が見つからないため、承認できません。入退会履歴をご確認ください',
    en: 'No current membership in this association was found, so it cannot be approved. Check the membership history',
  },
  payload_too_large: {
    ja: '送信されたデータが大きすぎます',
    en: 'The request body is too large',
  },
  unsupported_media_type: {
    ja: 'リクエストの形式（Content-Type）は application/json にしてください',
    en: 'Send the request body as application/json',
  },
  validation_failed: {
    ja: '入力内容に誤りがあります。各項目をご確認ください',
    en: 'Some entries need correcting. Please check each field',
  },
  account_locked: {
    ja: 'ログインに続けて失敗したため、アカウントを一時的にロックしました。しばらく（15分程度）してから、もう一度お試しください',
    en: 'Too many failed sign-ins: the account is locked for a while (about 15 minutes). Please try again later',
  },
  too_many_attempts: {
    ja: 'ログインの失敗が続いたため、しばらくログインを受け付けません。時間をおいてから、もう一度お試しください',
    en: 'Too many failed sign-ins from here. Please wait a while and try again',
  },
  service_unavailable: {
    ja: 'ただいま混み合っているか、一時的に利用できません。しばらくしてからもう一度お試しください',
    en: 'The service is busy or briefly unavailable. Please try again in a moment',
  },
  internal_error: {
    ja: 'サーバーでエラーが発生しました。しばらくしてから、もう一度お試しください',
    en: 'Something went wrong on the server. Please try again later',
  },
};
