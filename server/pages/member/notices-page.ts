import type { Context } from 'hono';
import { html } from 'hono/html';
import type { AppEnv } from '../../app-env.js';
import { pageLayout } from '../layout/page-layout.js';
import type { PageContext } from '../page-context.js';
import { displayDay } from '../view/format-date.js';
import { DEMO_NOTICES } from './demo-notices.js';
import { memberChrome } from './member-chrome.js';

/** `/notices`: every notice, newest first (マイページTOP shows the latest three). */
export async function noticesPage(ctx: PageContext, c: Context<AppEnv>): Promise<Response> {
  const chrome = await memberChrome(ctx, c, '/notices');
  const main = html`<section class="panel" aria-labelledby="notices-title">
      <h1 id="notices-title" class="panel-title">お知らせ</h1>
      <div class="panel-body">
        ${DEMO_NOTICES.map(
          (notice) => html`<article id="${notice.id}" class="notice-article">
            <h2><time datetime="${notice.date}">${displayDay(notice.date)}</time> ${notice.title}</h2>
            <p>${notice.body}</p>
          </article>`,
        )}
      </div>
    </section>
    <p class="back-link"><a href="/">マイページTOPへ戻る</a></p>`;
  return c.html(
    pageLayout(ctx.assets, {
      title: 'お知らせ',
      account: chrome.account,
      breadcrumb: [{ label: 'マイページTOP', href: '/' }, { label: 'お知らせ' }],
      menu: chrome.menu,
      main,
    }),
  );
}
