import type { Context } from 'hono';
import { html } from 'hono/html';
import type { AppEnv } from '../../app-env.js';
import { pageLayout } from '../layout/page-layout.js';
import { COMPONENTS_SCRIPT, type PageContext } from '../page-context.js';
import { memberChrome } from './member-chrome.js';

/** `/history`: 医師会入退会履歴, the component reading `GET /api/me/history`. */
export async function historyPage(ctx: PageContext, c: Context<AppEnv>): Promise<Response> {
  const chrome = await memberChrome(ctx, c, '/history');
  const main = html`<h1 class="visually-hidden">医師会入退会履歴</h1>
    <mamis-membership-history base-url=""></mamis-membership-history>
    <p class="note">※ 退会の承認後は、退会希望年月日が退会日として表示されます。</p>
    <p class="back-link"><a href="/">マイページTOPへ戻る</a></p>`;
  return c.html(
    pageLayout(ctx.assets, {
      title: '医師会入退会履歴',
      account: chrome.account,
      breadcrumb: [{ label: 'マイページTOP', href: '/' }, { label: '医師会入退会履歴' }],
      menu: chrome.menu,
      main,
      modules: [COMPONENTS_SCRIPT],
    }),
  );
}
