import type { Context } from 'hono';
import { html } from 'hono/html';
import { layerLabel } from '../../../engine/index.js';
import type { AppEnv } from '../../app-env.js';
import { memberGroups } from '../../sources/member-groups.js';
import { pageLayout } from '../layout/page-layout.js';
import type { PageContext } from '../page-context.js';
import { displayDay } from '../view/format-date.js';
import { memberChrome } from './member-chrome.js';

/** `/profile`: 登録情報, read-only — changes go through the association's office. */
export async function profilePage(ctx: PageContext, c: Context<AppEnv>): Promise<Response> {
  const chrome = await memberChrome(ctx, c, '/profile');
  const { db } = ctx.deps;
  const [member, groups] = await Promise.all([
    db
      .selectFrom('members')
      .select(['name_kana', 'birth_date'])
      .where('id', '=', chrome.profile.id)
      .executeTakeFirstOrThrow(),
    memberGroups(db, chrome.profile.id),
  ]);
  const { profile } = chrome;
  const main = html`<section class="panel" aria-labelledby="profile-title">
      <h1 id="profile-title" class="panel-title">登録情報</h1>
      <div class="panel-body">
        <table class="facts-table">
          <tbody>
            <tr><th scope="row">氏名</th><td>${profile.name}</td></tr>
            <tr><th scope="row">氏名（カナ）</th><td>${member.name_kana}</td></tr>
            <tr><th scope="row">医籍登録番号</th><td>第${profile.registrationNumber}号</td></tr>
            <tr><th scope="row">生年月日</th><td>${displayDay(member.birth_date)}</td></tr>
            <tr><th scope="row">メールアドレス</th><td>${profile.email}</td></tr>
            <tr>
              <th scope="row">会員歴</th>
              <td>${profile.seniority ? `${profile.seniority.associationName.ja} ${profile.seniority.label.ja}` : '—'}</td>
            </tr>
          </tbody>
        </table>
        <h2 class="section-title">所属グループ</h2>
        ${
          groups.length === 0
            ? html`<p class="empty-state">現在、所属している医師会はありません。</p>`
            : html`<ul class="group-list">
                ${groups.map(
                  (group) => html`<li class="group">
                    <p class="group-facility">所属施設名：${group.facility?.ja ?? ''}</p>
                    <ul class="plain-list">
                      ${group.associations.map(
                        (association) =>
                          html`<li><span class="layer-badge">${layerLabel(association.layer).ja}</span> ${association.name.ja}</li>`,
                      )}
                    </ul>
                  </li>`,
                )}
              </ul>`
        }
        <p class="note">※ 登録情報の変更は、所属の医師会事務局へ<a href="/contact">お問合せ</a>ください。</p>
      </div>
    </section>
    <p class="back-link"><a href="/">マイページTOPへ戻る</a></p>`;
  return c.html(
    pageLayout(ctx.assets, {
      title: '登録情報',
      account: chrome.account,
      breadcrumb: [{ label: 'マイページTOP', href: '/' }, { label: '登録情報' }],
      menu: chrome.menu,
      main,
    }),
  );
}
