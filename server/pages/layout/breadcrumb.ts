import { html } from 'hono/html';
import type { Html } from './html-types.js';

/** One step of the breadcrumb; the last one (the page itself) has no link. */
export interface Crumb {
  readonly label: string;
  readonly href?: string;
}

/** マイページTOP > 退会届, as the manual shows it under the header. */
export function breadcrumb(crumbs: readonly Crumb[]): Html {
  return html`<nav class="breadcrumb" aria-label="現在位置">
    <ol>
      ${crumbs.map((crumb, index) =>
        crumb.href && index < crumbs.length - 1
          ? html`<li><a href="${crumb.href}">${crumb.label}</a></li>`
          : html`<li aria-current="page">${crumb.label}</li>`,
      )}
    </ol>
  </nav>`;
}
