import type { Context } from 'hono';
import { html } from 'hono/html';
import type { AppEnv } from '../../app-env.js';
import { pageLayout } from '../layout/page-layout.js';
import { COMPONENTS_SCRIPT, type PageContext } from '../page-context.js';
import { displayDay } from '../view/format-date.js';
import { DEMO_NOTICES } from './demo-notices.js';
import { memberChrome } from './member-chrome.js';

/**
 * マイページTOP as in the manual: 申請ステータス (the status component, with 修正 and 削除),
 * 各種申請 (登録情報 and one button per form), the note about documents, and お知らせ.
 */
export async function myPage(ctx: PageContext, c: Context<AppEnv>): Promise<Response> {
  const chrome = await memberChrome(ctx, c, '/');
  const main = html`<h1 class="visually-hidden">マイページTOP</h1>
    <mamis-application-status base-url=""></mamis-application-status>
    <section id="apply" class="panel" aria-labelledby="apply-title">
      <h2 id="apply-title" class="panel-title">各種申請</h2>
      <div class="panel-body">
        <ul class="apply-buttons">
          <li><a class="apply-button" href="/profile">登録情報</a></li>
          ${chrome.forms.map((form) => html`<li><a class="apply-button" href="${form.href}">${form.title}</a></li>`)}
        </ul>
        <p class="note">
          ※入会・異動・退会届は、医師会によって申請時にご提出いただく書類が異なります。申請される前にお電話またはメールにてお問合せください。
        </p>
        <p class="note">
          各医師会の連絡先はこちら → <a href="/contact">各地の医師会</a> ｜
          <a href="https://www.med.or.jp/" rel="noopener noreferrer">日本医師会(med.or.jp)</a>
        </p>
      </div>
    </section>
    <section class="panel" aria-labelledby="notices-title">
      <div class="panel-title panel-title-row">
        <h2 id="notices-title">お知らせ</h2>
        <a class="panel-title-link" href="/notices">一覧へ <span aria-hidden="true">→</span></a>
      </div>
      <ul class="notice-list">
        ${DEMO_NOTICES.slice(0, 3).map(
          (notice) => html`<li>
            <time datetime="${notice.date}">${displayDay(notice.date)}</time>
            <a href="/notices#${notice.id}">${notice.title}</a>
          </li>`,
        )}
      </ul>
    </section>`;
  return c.html(
    pageLayout(ctx.assets, {
      title: 'マイページTOP',
      account: chrome.account,
      breadcrumb: [{ label: 'マイページTOP' }],
      menu: chrome.menu,
      main,
      modules: [COMPONENTS_SCRIPT],
    }),
  );
}
