import { html } from 'hono/html';
import { CSRF_FIELD } from '../http/page-csrf.js';
import type { Html } from './html-types.js';

/** Who is signed in, as the header shows it. */
export interface HeaderAccount {
  /** The facts in the manual's order, e.g. マイページ：日医 太郎 様 | 医籍登録番号：第123456号 | 日本医師会 20年以上. */
  readonly facts: readonly string[];
  /** Where the logo leads: the role's home. */
  readonly home: string;
  /** The session's CSRF token, for the ログアウト form. */
  readonly csrfToken: string;
  /** Development: the link to the sent-mail folder (/dev/mail). */
  readonly devMail: boolean;
}

/** The teal band: the MAMIS mark, who is signed in, and ログアウト (a POST form, so no link can sign anyone out). */
export function siteHeader(account: HeaderAccount | undefined): Html {
  return html`<header class="site-header">
    <div class="site-header-inner">
      <a class="brand" href="${account?.home ?? '/'}">
        <span class="brand-mark">MAMIS</span>
        <span class="brand-text"><span>医師会</span> <span>会員情報システム</span></span>
      </a>
      ${
        account
          ? html`<ul class="account-facts" aria-label="ログイン中のアカウント">
                ${account.facts.map((fact) => html`<li>${fact}</li>`)}
              </ul>
              <div class="header-actions">
                ${account.devMail ? html`<a class="header-link" href="/dev/mail">送信メール</a>` : ''}
                <form class="logout-form" method="post" action="/logout">
                  <input type="hidden" name="${CSRF_FIELD}" value="${account.csrfToken}" />
                  <button type="submit" class="logout-button">ログアウト</button>
                </form>
              </div>`
          : ''
      }
    </div>
  </header>`;
}
