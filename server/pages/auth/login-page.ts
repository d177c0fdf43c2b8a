import { html } from 'hono/html';
import { CSRF_FIELD } from '../http/page-csrf.js';
import type { Html } from '../layout/html-types.js';
import { pageLayout } from '../layout/page-layout.js';
import type { PageContext } from '../page-context.js';

export interface LoginPageModel {
  readonly token: string;
  /** What went wrong with the last attempt, in the server's words. */
  readonly error?: string;
  /** The login typed last time, so only the password is typed again. */
  readonly login?: string;
  /** Where to go after signing in (already checked to be a path on this site). */
  readonly next?: string | undefined;
  /** After ログアウト. */
  readonly signedOut?: boolean;
}

/** The demo logins, shown in development only (password demo1234). */
const DEMO_ACCOUNTS: readonly (readonly [string, string])[] = [
  ['123456', '日医 太郎（会員）'],
  ['otaru-office', '小樽市医師会 事務局'],
  ['hokkaido-office', '北海道医師会 事務局'],
  ['jma-office', '日本医師会 事務局'],
  ['staff', 'システム担当（フォームスタジオ）'],
];

/** `/login`: 医籍登録番号または事務局ID, パスワード, ログイン. */
export function loginPage(ctx: PageContext, model: LoginPageModel): Html {
  const main = html`<section class="login-card" aria-labelledby="login-title">
    <h1 id="login-title" class="login-title">ログイン</h1>
    ${model.signedOut ? html`<p class="flash" role="status">ログアウトしました。</p>` : ''}
    ${model.error ? html`<p class="alert" role="alert">${model.error}</p>` : ''}
    <form class="login-form" method="post" action="/login">
      <input type="hidden" name="${CSRF_FIELD}" value="${model.token}" />
      ${model.next ? html`<input type="hidden" name="next" value="${model.next}" />` : ''}
      <div class="form-row">
        <label for="login">医籍登録番号または事務局ID</label>
        <input
          id="login"
          name="login"
          type="text"
          autocomplete="username"
          autocapitalize="none"
          spellcheck="false"
          maxlength="200"
          required
          value="${model.login ?? ''}"
        />
      </div>
      <div class="form-row">
        <label for="password">パスワード</label>
        <input id="password" name="password" type="password" autocomplete="current-password" maxlength="1024" required />
      </div>
      <button type="submit" class="button primary wide">ログイン</button>
    </form>
    ${
      ctx.devMail
        ? html`<details class="demo-accounts" open>
            <summary>デモ用アカウント（パスワードはすべて demo1234）</summary>
            <table>
              <tbody>
                ${DEMO_ACCOUNTS.map(([login, who]) => html`<tr><th scope="row"><code>${login}</code></th><td>${who}</td></tr>`)}
              </tbody>
            </table>
          </details>`
        : ''
    }
  </section>`;
  return pageLayout(ctx.assets, { title: 'ログイン', account: undefined, main, bodyClass: 'login' });
}
