import type { Context } from 'hono';
import { html } from 'hono/html';
import type { AppEnv } from '../../app-env.js';
import type { TargetStatus } from '../../db/database.js';
import type { OfficeApplicationSummary } from '../../store/application-view.js';
import { officeQueue } from '../../store/office-queue.js';
import { isTargetStatus, TARGET_STATUS_LABELS, TARGET_STATUSES } from '../../store/status-labels.js';
import type { Html } from '../layout/html-types.js';
import { pageLayout } from '../layout/page-layout.js';
import type { PageContext } from '../page-context.js';
import { displayDateTime, isoInstant } from '../view/format-date.js';
import { statusChip } from '../view/status-chip.js';
import { officeChrome } from './office-chrome.js';
import { statusCounts } from './status-counts.js';

const PAGE_SIZE = 20;

/**
 * `/office`: the applications addressed to this office, newest first, filtered by this
 * office's own status (申請 / 申請中 / 承認 / 差戻し / 取下げ / すべて), 20 to a page.
 */
export async function queuePage(ctx: PageContext, c: Context<AppEnv>): Promise<Response> {
  const chrome = officeChrome(ctx, c, '/office');
  const { db } = ctx.deps;
  const statusQuery = c.req.query('status');
  const status = isTargetStatus(statusQuery) ? statusQuery : undefined;
  const cursor = c.req.query('cursor') || undefined;
  const [page, counts] = await Promise.all([
    officeQueue(db, { associationId: chrome.associationId, status, cursor, limit: PAGE_SIZE }),
    statusCounts(db, chrome.associationId),
  ]);
  const { applications } = page;
  const total = Object.values(counts).reduce((sum, count) => sum + (count ?? 0), 0);
  const filterHref = (value: TargetStatus | undefined) => (value ? `/office?status=${value}` : '/office');
  const main = html`<h1 class="page-title">申請一覧</h1>
    <nav class="filter-tabs" aria-label="状況で絞り込む">
      <ul>
        ${[undefined, ...TARGET_STATUSES].map((value) => {
          const label = value ? TARGET_STATUS_LABELS[value].ja : 'すべて';
          const count = value ? (counts[value] ?? 0) : total;
          return html`<li>
            <a href="${filterHref(value)}" ${value === status ? html`aria-current="page"` : ''}>
              ${label} <span class="count">${count}</span>
            </a>
          </li>`;
        })}
      </ul>
    </nav>
    ${
      applications.length === 0
        ? html`<p class="empty-state">${status ? `「${TARGET_STATUS_LABELS[status].ja}」の申請はありません。` : '申請はありません。'}</p>`
        : queueTable(applications)
    }
    <nav class="pager" aria-label="ページ">
      ${cursor ? html`<a href="${filterHref(status)}">最初のページへ</a>` : ''}
      ${
        page.nextCursor
          ? html`<a class="pager-next" href="/office?${new URLSearchParams({ ...(status ? { status } : {}), cursor: page.nextCursor }).toString()}"
              >次の${PAGE_SIZE}件 <span aria-hidden="true">→</span></a
            >`
          : ''
      }
    </nav>`;
  return c.html(
    pageLayout(ctx.assets, {
      title: '申請一覧',
      account: chrome.account,
      breadcrumb: [{ label: '申請一覧' }],
      menu: chrome.menu,
      main,
    }),
  );
}

function queueTable(applications: readonly OfficeApplicationSummary[]): Html {
  return html`<table class="queue-table">
    <thead>
      <tr>
        <th scope="col">受付日時</th>
        <th scope="col">申請者</th>
        <th scope="col">申請書式</th>
        <th scope="col">所属施設名</th>
        <th scope="col">この医師会の状況</th>
      </tr>
    </thead>
    <tbody>
      ${applications.map(
        (application) => html`<tr>
          <td data-label="受付日時"><time datetime="${isoInstant(application.createdAt)}">${displayDateTime(application.createdAt)}</time></td>
          <td data-label="申請者">
            <a class="queue-link" href="/office/applications/${encodeURIComponent(application.id)}">${application.member.name}</a>
            <span class="muted">第${application.member.registrationNumber}号</span>
          </td>
          <td data-label="申請書式"><span>${application.formTitle.ja}（${application.target.role === 'leave' ? '退会' : '入会'}）</span></td>
          <td data-label="所属施設名"><span>${application.facility?.ja ?? '—'}</span></td>
          <td data-label="この医師会の状況">${statusChip(application.target.status)}</td>
        </tr>`,
      )}
    </tbody>
  </table>`;
}
