import { html } from 'hono/html';
import type { Html } from './html-types.js';

/** A link of the side menu; `children` are indented under it (各種申請 → 入会届 …). */
export interface MenuItem {
  readonly label: string;
  readonly href: string;
  readonly children?: readonly MenuItem[];
}

/** The menu on the left on a desktop, under the page on a phone; the current page is marked. */
export function sideMenu(items: readonly MenuItem[], current: string): Html {
  const entry = (item: MenuItem): Html =>
    html`<li>
      <a href="${item.href}" ${item.href === current ? html`aria-current="page"` : ''}>${item.label}</a>
      ${item.children ? html`<ul class="sub-menu">${item.children.map(entry)}</ul>` : ''}
    </li>`;
  return html`<nav class="side-menu" aria-label="メニュー"><ul>${items.map(entry)}</ul></nav>`;
}
