import type { Context } from 'hono';
import { html } from 'hono/html';
import { layerLabel } from '../../../engine/index.js';
import type { AppEnv } from '../../app-env.js';
import { calendarDay } from '../../runtime/clock.js';
import { pageLayout } from '../layout/page-layout.js';
import type { PageContext } from '../page-context.js';
import { memberChrome } from './member-chrome.js';
import { memberContacts } from './member-contacts.js';

/** `/contact`: お問合せ — the office of each association the member belongs to. */
export async function contactPage(ctx: PageContext, c: Context<AppEnv>): Promise<Response> {
  const chrome = await memberChrome(ctx, c, '/contact');
  const contacts = await memberContacts(ctx.deps.db, chrome.profile.id, calendarDay(ctx.deps.clock.now()));
  const main = html`<section class="panel" aria-labelledby="contact-title">
      <h1 id="contact-title" class="panel-title">お問合せ</h1>
      <div class="panel-body">
        <p>
          入会・異動・退会届の提出書類や申請の状況については、所属の医師会事務局へお問合せください。
        </p>
        ${
          contacts.length === 0
            ? html`<p class="empty-state">現在、所属している医師会はありません。</p>`
            : html`<ul class="contact-list">
                ${contacts.map(
                  (contact) => html`<li class="contact">
                    <span class="layer-badge">${layerLabel(contact.layer).ja}</span>
                    <span class="contact-name">${contact.name} 事務局</span>
                    <a class="contact-mail" href="mailto:${contact.officeEmail}">${contact.officeEmail}</a>
                  </li>`,
                )}
              </ul>`
        }
        <p class="note">
          ほかの医師会の連絡先はこちら →
          <a href="https://www.med.or.jp/" rel="noopener noreferrer">日本医師会(med.or.jp)</a>
        </p>
      </div>
    </section>
    <p class="back-link"><a href="/">マイページTOPへ戻る</a></p>`;
  return c.html(
    pageLayout(ctx.assets, {
      title: 'お問合せ',
      account: chrome.account,
      breadcrumb: [{ label: 'マイページTOP', href: '/' }, { label: 'お問合せ' }],
      menu: chrome.menu,
      main,
    }),
  );
}
