import type { Context } from 'hono';
import { html } from 'hono/html';
import { layerLabel } from '../../../engine/index.js';
import type { AppEnv } from '../../app-env.js';
import type { OfficeApplicationView } from '../../store/application-view.js';
import type { Decision } from '../../store/decide-target.js';
import { officeApplicationView } from '../../store/read-applications.js';
import { CSRF_FIELD } from '../http/page-csrf.js';
import { pagePrincipal } from '../http/page-session.js';
import type { Html } from '../layout/html-types.js';
import { pageLayout } from '../layout/page-layout.js';
import type { PageContext } from '../page-context.js';
import { confirmViewHtml } from '../view/confirm-view-html.js';
import { displayDateTime, isoInstant } from '../view/format-date.js';
import { statusChip } from '../view/status-chip.js';
import { applicationHistory, EVENT_LABELS, type HistoryLine } from './application-history.js';
import { DONE_MESSAGES, MAX_COMMENT } from './decision-input.js';
import { officeChrome } from './office-chrome.js';

export interface ApplicationPageState {
  /** The message after a decision (redirected with `?done=`). */
  readonly done?: Decision | undefined;
  /** Why the last decision was refused, and the comment typed, to type nothing twice. */
  readonly error?: string;
  readonly comment?: string;
}

/**
 * `/office/applications/:id`: who filed it, the form and version, the confirm view the member
 * confirmed, every association's status, the audit trail, and this office's decision buttons.
 * Another office's application is a 404.
 */
export async function applicationPage(
  ctx: PageContext,
  c: Context<AppEnv>,
  state: ApplicationPageState = {},
  status: 200 | 409 | 422 = 200,
): Promise<Response> {
  const chrome = officeChrome(ctx, c, '/office');
  const id = c.req.param('id') ?? '';
  const application = await officeApplicationView(ctx.deps.db, chrome.associationId, id);
  const history = await applicationHistory(ctx.deps.db, application.id);
  const csrfToken = pagePrincipal(c).session?.csrfToken ?? '';
  const title = `${application.formTitle.ja}（${application.member.name} 様）`;
  const main = html`<h1 class="page-title">${title}</h1>
    ${state.done ? html`<p class="flash" role="status">${DONE_MESSAGES[state.done]}</p>` : ''}
    ${state.error ? html`<p class="alert" role="alert">${state.error}</p>` : ''}
    <section class="panel" aria-labelledby="summary-title">
      <h2 id="summary-title" class="panel-title">申請者・受付</h2>
      <div class="panel-body">
        <table class="facts-table">
          <tbody>
            <tr><th scope="row">申請者</th><td>${application.member.name} 様</td></tr>
            <tr><th scope="row">医籍登録番号</th><td>第${application.member.registrationNumber}号</td></tr>
            <tr><th scope="row">申請書式</th><td>${application.formTitle.ja}（${application.formId} 第${application.formVersion}版）</td></tr>
            <tr>
              <th scope="row">受付日時</th>
              <td><time datetime="${isoInstant(application.createdAt)}">${displayDateTime(application.createdAt)}</time></td>
            </tr>
            <tr>
              <th scope="row">最終更新</th>
              <td><time datetime="${isoInstant(application.updatedAt)}">${displayDateTime(application.updatedAt)}</time></td>
            </tr>
          </tbody>
        </table>
      </div>
    </section>
    <section class="panel" aria-labelledby="content-title">
      <h2 id="content-title" class="panel-title">申請内容</h2>
      <div class="panel-body">${confirmViewHtml(application.confirmView)}</div>
    </section>
    <section class="panel" aria-labelledby="targets-title">
      <h2 id="targets-title" class="panel-title">各医師会の審査状況</h2>
      <div class="panel-body">${targetsTable(application)}</div>
    </section>
    ${decisionPanel(application, csrfToken, state)}
    <section class="panel" aria-labelledby="history-title">
      <h2 id="history-title" class="panel-title">処理履歴</h2>
      <div class="panel-body">${historyList(history)}</div>
    </section>
    <p class="back-link"><a href="/office">申請一覧へ戻る</a></p>`;
  return c.html(
    pageLayout(ctx.assets, {
      title,
      account: chrome.account,
      breadcrumb: [{ label: '申請一覧', href: '/office' }, { label: '申請詳細' }],
      menu: chrome.menu,
      main,
    }),
    status,
  );
}

function targetsTable(application: OfficeApplicationView): Html {
  return html`<table class="targets-table">
    <thead>
      <tr><th scope="col">医師会</th><th scope="col">区分</th><th scope="col">状況</th><th scope="col">コメント</th></tr>
    </thead>
    <tbody>
      ${application.targets.map(
        (target) => html`<tr class="${target.associationId === application.target.associationId ? 'own-target' : ''}">
          <td data-label="医師会"><span><span class="layer-badge">${layerLabel(target.layer).ja}</span> ${target.name.ja}</span></td>
          <td data-label="区分"><span>${target.role === 'leave' ? '退会' : '入会'}</span></td>
          <td data-label="状況">${statusChip(target.status)}</td>
          <td data-label="コメント"><span class="comment-text">${target.comment ?? ''}</span></td>
        </tr>`,
      )}
    </tbody>
  </table>`;
}

/** The buttons this office may press now: 申請中にする from 申請; 承認 and 差戻し until decided. */
function decisionPanel(application: OfficeApplicationView, csrfToken: string, state: ApplicationPageState): Html {
  const current = application.target.status;
  const open = application.status === 'open';
  const canReview = open && current === 'submitted';
  const canDecide = open && (current === 'submitted' || current === 'in_review');
  if (!canReview && !canDecide) {
    return html`<section class="panel" aria-labelledby="decision-title">
      <h2 id="decision-title" class="panel-title">審査</h2>
      <div class="panel-body">
        <p>この医師会の状況は ${statusChip(current)} です。これ以上の操作はありません。</p>
      </div>
    </section>`;
  }
  return html`<section class="panel" aria-labelledby="decision-title">
    <h2 id="decision-title" class="panel-title">審査</h2>
    <div class="panel-body">
      <form class="decision-form" method="post" action="/office/applications/${encodeURIComponent(application.id)}/decision">
        <input type="hidden" name="${CSRF_FIELD}" value="${csrfToken}" />
        <div class="form-row">
          <label for="comment">コメント <span class="hint">（差戻しの場合は必須・${MAX_COMMENT}文字以内。会員のマイページとメールに表示されます）</span></label>
          <textarea id="comment" name="comment" rows="4" maxlength="${MAX_COMMENT}">${state.comment ?? ''}</textarea>
        </div>
        <div class="decision-buttons">
          ${canReview ? html`<button type="submit" class="button" name="decision" value="review">申請中にする</button>` : ''}
          <button type="submit" class="button primary" name="decision" value="approve" data-confirm="この申請を承認しますか？">承認</button>
          <button type="submit" class="button danger" name="decision" value="return" data-confirm="この申請を差戻しますか？">差戻し</button>
        </div>
      </form>
    </div>
  </section>`;
}

function historyList(history: readonly HistoryLine[]): Html {
  return html`<ol class="history-list">
    ${history.map(
      (line) => html`<li>
        <time datetime="${isoInstant(line.at)}">${displayDateTime(line.at)}</time>
        <span class="history-type">${EVENT_LABELS[line.type]}</span>
        ${line.associationName ? html`<span class="history-association">${line.associationName}</span>` : ''}
        <span class="history-actor">${line.actor}</span>
        ${line.comment ? html`<p class="history-comment">${line.comment}</p>` : ''}
      </li>`,
    )}
  </ol>`;
}
