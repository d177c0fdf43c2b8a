import { access } from 'node:fs/promises';
import path from 'node:path';
import type { Context } from 'hono';
import { html } from 'hono/html';
import type { AppEnv } from '../../app-env.js';
import { pagePrincipal } from '../http/page-session.js';
import { pageLayout } from '../layout/page-layout.js';
import type { PageContext } from '../page-context.js';

/** The studio's bundle, built next to the components' one. */
const STUDIO_FILE = 'mamis-studio.js';

/**
 * `/studio`: the staff's landing around `<mamis-form-studio>`. The studio's script is only
 * referenced once it is built; until then the element's fallback text says so.
 */
export async function studioPage(ctx: PageContext, c: Context<AppEnv>): Promise<Response> {
  const principal = pagePrincipal(c);
  const dir = ctx.deps.config.componentsDir;
  const built = dir !== undefined && (await exists(path.join(dir, STUDIO_FILE)));
  const main = html`<h1 class="page-title">フォームスタジオ</h1>
    <mamis-form-studio>
      <p class="empty-state">
        ${built ? 'フォームスタジオを読み込んでいます…' : 'フォームスタジオはまだビルドされていません（npm run build）。'}
      </p>
    </mamis-form-studio>`;
  return c.html(
    pageLayout(ctx.assets, {
      title: 'フォームスタジオ',
      account: {
        facts: [principal.name, 'フォームスタジオ'],
        home: '/studio',
        csrfToken: principal.session?.csrfToken ?? '',
        devMail: ctx.devMail,
      },
      breadcrumb: [{ label: 'フォームスタジオ' }],
      main,
      modules: built ? [`/components/${STUDIO_FILE}`] : [],
      bodyClass: 'studio',
    }),
  );
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
