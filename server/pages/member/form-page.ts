import type { Context } from 'hono';
import { html } from 'hono/html';
import type { AppEnv } from '../../app-env.js';
import { NotFoundError } from '../../errors/app-errors.js';
import { memberApplicationView } from '../../store/read-applications.js';
import { pagePrincipal } from '../http/page-session.js';
import { pageLayout } from '../layout/page-layout.js';
import { COMPONENTS_SCRIPT, type PageContext } from '../page-context.js';
import { memberChrome } from './member-chrome.js';

/**
 * `/forms/:id`: the form component for one application (退会届 runs the manual's screens from
 * the retention page to 完了). `?application=<id>` opens the member's own application for 修正.
 * The page script sends 入会を継続する (the component's cancel) back to マイページTOP.
 */
export async function formPage(ctx: PageContext, c: Context<AppEnv>): Promise<Response> {
  const formId = c.req.param('id') ?? '';
  const entry = await ctx.deps.catalog.current(formId);
  if (!entry) throw new NotFoundError();
  const applicationId = c.req.query('application');
  if (applicationId !== undefined) {
    // Only the member's own application, and only while 修正 is still possible.
    const principal = pagePrincipal(c);
    const application = await memberApplicationView(ctx.deps.db, principal.memberId ?? '', applicationId);
    if (application.formId !== formId || !application.editable) return c.redirect('/', 303);
  }
  const chrome = await memberChrome(ctx, c, `/forms/${encodeURIComponent(formId)}`);
  const title = entry.form.definition.title.ja;
  const pageTitle = applicationId === undefined ? title : `${title}（修正）`;
  const main = html`<h1 class="visually-hidden">${pageTitle}</h1>
    <mamis-form
      form="${formId}"
      base-url=""
      ${applicationId === undefined ? '' : html`application-id="${applicationId}"`}
    ></mamis-form>
    <p class="back-link"><a href="/">マイページTOPへ戻る</a></p>`;
  return c.html(
    pageLayout(ctx.assets, {
      title: pageTitle,
      account: chrome.account,
      breadcrumb: [{ label: 'マイページTOP', href: '/' }, { label: pageTitle }],
      menu: chrome.menu,
      main,
      modules: [COMPONENTS_SCRIPT],
    }),
  );
}
