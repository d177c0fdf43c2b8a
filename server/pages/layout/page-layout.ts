import { html } from 'hono/html';
import type { PortalAssets } from '../http/portal-assets.js';
import { breadcrumb, type Crumb } from './breadcrumb.js';
import type { Html } from './html-types.js';
import { type HeaderAccount, siteHeader } from './site-header.js';

export interface PageOptions {
  /** The page's name: the document title starts with it. */
  readonly title: string;
  readonly account: HeaderAccount | undefined;
  readonly breadcrumb?: readonly Crumb[];
  /** The side menu; pages without one use the full width. */
  readonly menu?: Html;
  readonly main: Html;
  /** Module scripts besides the portal's own (the components' bundle, the studio). */
  readonly modules?: readonly string[];
  /** A class on `<body>` for page-specific layout (`login`, `studio`). */
  readonly bodyClass?: string;
}

/**
 * The one document shell of every page: stylesheet and scripts from this server only (the CSP
 * allows nothing inline), the header, the breadcrumb, the side menu and the content.
 */
export function pageLayout(assets: PortalAssets, options: PageOptions): Html {
  const modules = [...(options.modules ?? []), assets.url('portal.js')];
  return html`<!doctype html>
<html lang="ja">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${options.title} | MAMIS 医師会 会員情報システム</title>
    <link rel="stylesheet" href="${assets.url('portal.css')}" />
    ${modules.map((src) => html`<script type="module" src="${src}"></script>`)}
  </head>
  <body class="${options.bodyClass ?? ''}">
    <a class="skip-link" href="#main">本文へ移動</a>
    ${siteHeader(options.account)}
    ${options.breadcrumb ? breadcrumb(options.breadcrumb) : ''}
    <div class="page ${options.menu ? 'with-menu' : ''}">
      ${options.menu ?? ''}
      <main id="main" class="content" tabindex="-1">${options.main}</main>
    </div>
    <footer class="site-footer">
      <p>MAMIS — Medical Association Member Information System ／ 医師会 会員情報システム</p>
    </footer>
  </body>
</html>`;
}
