import type { Context } from 'hono';
import { html } from 'hono/html';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../../app-env.js';
import {
  AccountLockedError,
  AuthenticationError,
  ServiceUnavailableError,
  TooManyAttemptsError,
} from '../../errors/app-errors.js';
import { ERROR_MESSAGES } from '../../errors/error-messages.js';
import { asAppError, statusOf } from '../../errors/handle-error.js';
import { HOME_OF } from '../http/page-session.js';
import { pageLayout } from '../layout/page-layout.js';
import type { PageContext } from '../page-context.js';

const TITLES: Readonly<Partial<Record<ContentfulStatusCode, string>>> = {
  400: 'リクエストが正しくありません',
  403: 'この画面は表示できません',
  404: 'ページが見つかりません',
  409: '操作できません',
  413: '送信されたデータが大きすぎます',
  422: '入力内容に誤りがあります',
  429: 'しばらくしてからお試しください',
  500: 'エラーが発生しました',
  503: 'ただいま混み合っています',
};

/** A page that says what happened and leads back to the visitor's home. */
export function errorPage(ctx: PageContext, c: Context<AppEnv>, status: ContentfulStatusCode, message: string) {
  const principal = c.get('principal');
  const home = principal ? HOME_OF[principal.role] : '/login';
  const main = html`<section class="panel error-panel" aria-labelledby="error-title">
    <h1 id="error-title" class="panel-title">${TITLES[status] ?? 'エラー'}</h1>
    <div class="panel-body">
      <p>${message}</p>
      <p class="back-link"><a href="${home}">${principal ? 'トップページへ戻る' : 'ログイン画面へ'}</a></p>
    </div>
  </section>`;
  return c.html(pageLayout(ctx.assets, { title: TITLES[status] ?? 'エラー', account: undefined, main }), status);
}

/**
 * The portal's `onError`: the API's errors, as the API maps them to statuses, become pages in
 * Japanese; unknown ones are logged and shown as a generic 500 page.
 */
export function pageErrorHandler(ctx: PageContext) {
  return (thrown: Error, c: Context<AppEnv>): Response | Promise<Response> => {
    const error = asAppError(thrown);
    // A session that ended meanwhile: sign in again rather than read an error.
    if (error instanceof AuthenticationError) return c.redirect('/login', 303);
    if (error) {
      if (
        error instanceof AccountLockedError ||
        error instanceof TooManyAttemptsError ||
        error instanceof ServiceUnavailableError
      ) {
        c.header('Retry-After', String(error.retryAfterSeconds));
      }
      if (error instanceof ServiceUnavailableError)
        ctx.logError(`${c.req.method} ${c.req.path}: database unavailable`, error.cause);
      return errorPage(ctx, c, statusOf(error), (error.detail ?? ERROR_MESSAGES[error.code]).ja);
    }
    if (thrown instanceof HTTPException && thrown.status < 500) {
      return errorPage(ctx, c, 400, ERROR_MESSAGES.invalid_request.ja);
    }
    ctx.logError(`${c.req.method} ${c.req.path} failed`, thrown);
    return errorPage(ctx, c, 500, ERROR_MESSAGES.internal_error.ja);
  };
}
