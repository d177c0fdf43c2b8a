import type { Context } from 'hono';
import { Hono } from 'hono';
import { html } from 'hono/html';
import type { AppEnv } from '../../app-env.js';
import { NotFoundError } from '../../errors/app-errors.js';
import { HOME_OF, pagePrincipal, requirePageRole } from '../http/page-session.js';
import type { Html } from '../layout/html-types.js';
import { pageLayout } from '../layout/page-layout.js';
import type { HeaderAccount } from '../layout/site-header.js';
import type { PageContext } from '../page-context.js';
import { displayDateTime, isoInstant } from '../view/format-date.js';
import { MailFolder, type MailMessage } from './mail-folder.js';

/** A mail's HTML part runs in a sandbox: no script, no requests, only its own inline styles. */
const MAIL_HTML_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/**
 * `/dev/mail`: the outbox folder, for whoever is trying the portal out — the confirmation and
 * notice mails a flow produced, newest first. Only when mail goes to the folder (no MAIL_URL).
 */
export function devMailRoutes(ctx: PageContext, dir: string): Hono<AppEnv> {
  const folder = new MailFolder(dir);
  const routes = new Hono<AppEnv>();
  const signedIn = requirePageRole('member', 'office', 'staff');

  routes.get('/dev/mail', signedIn, async (c) => {
    const mails = await folder.list();
    const main = html`<h1 class="page-title">送信メール</h1>
      <p class="note">開発用の画面です。メールは送信されず、<code>${dir}</code> に .eml ファイルとして保存されています。新しい順に表示します。</p>
      ${
        mails.length === 0
          ? html`<p class="empty-state">まだメールはありません。</p>`
          : html`<table class="mail-table">
              <thead><tr><th scope="col">日時</th><th scope="col">宛先</th><th scope="col">件名</th></tr></thead>
              <tbody>
                ${mails.map(
                  (mail) => html`<tr>
                    <td data-label="日時">${mail.date ? html`<time datetime="${isoInstant(mail.date)}">${displayDateTime(mail.date)}</time>` : ''}</td>
                    <td data-label="宛先"><span>${mail.to}</span></td>
                    <td data-label="件名"><a href="/dev/mail/${mail.name}">${mail.subject || '（件名なし）'}</a></td>
                  </tr>`,
                )}
              </tbody>
            </table>`
      }`;
    return c.html(devLayout(ctx, c, '送信メール', [{ label: '送信メール' }], main));
  });

  routes.get('/dev/mail/:name', signedIn, async (c) => {
    const mail = await readOr404(folder, c.req.param('name'));
    const main = html`<h1 class="page-title">${mail.subject || '（件名なし）'}</h1>
      <table class="facts-table">
        <tbody>
          <tr><th scope="row">日時</th><td>${mail.date ? displayDateTime(mail.date) : ''}</td></tr>
          <tr><th scope="row">差出人</th><td>${mail.from}</td></tr>
          <tr><th scope="row">宛先</th><td>${mail.to}</td></tr>
          <tr><th scope="row">ファイル</th><td><code>${mail.name}</code></td></tr>
        </tbody>
      </table>
      ${mail.html ? html`<p><a href="/dev/mail/${mail.name}/html" target="_blank" rel="noopener">HTML版を開く</a></p>` : ''}
      <pre class="mail-text">${mail.text}</pre>
      <p class="back-link"><a href="/dev/mail">送信メール一覧へ戻る</a></p>`;
    return c.html(
      devLayout(
        ctx,
        c,
        mail.subject || '送信メール',
        [{ label: '送信メール', href: '/dev/mail' }, { label: 'メール' }],
        main,
      ),
    );
  });

  routes.get('/dev/mail/:name/html', signedIn, async (c) => {
    const mail = await readOr404(folder, c.req.param('name'));
    if (!mail.html) throw new NotFoundError();
    return c.body(mail.html, 200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': MAIL_HTML_CSP,
    });
  });

  return routes;
}

async function readOr404(folder: MailFolder, name: string | undefined): Promise<MailMessage> {
  try {
    return await folder.read(name ?? '');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new NotFoundError();
    throw error;
  }
}

function devLayout(
  ctx: PageContext,
  c: Context<AppEnv>,
  title: string,
  crumbs: readonly { label: string; href?: string }[],
  main: Html,
): Html {
  const principal = pagePrincipal(c);
  const account: HeaderAccount = {
    facts: [principal.role === 'member' ? `マイページ：${principal.name} 様` : principal.name, '送信メール（開発用）'],
    home: HOME_OF[principal.role],
    csrfToken: principal.session?.csrfToken ?? '',
    devMail: true,
  };
  const home = {
    label:
      principal.role === 'member' ? 'マイページTOP' : principal.role === 'office' ? '申請一覧' : 'フォームスタジオ',
    href: HOME_OF[principal.role],
  };
  return pageLayout(ctx.assets, { title, account, breadcrumb: [home, ...crumbs], main });
}
