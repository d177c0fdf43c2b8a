import type { Context } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { pagePrincipal } from '../http/page-session.js';
import type { Html } from '../layout/html-types.js';
import { sideMenu } from '../layout/side-menu.js';
import type { HeaderAccount } from '../layout/site-header.js';
import type { PageContext } from '../page-context.js';

export interface OfficeChrome {
  readonly associationId: string;
  readonly account: HeaderAccount;
  readonly menu: Html;
}

/** The office's header (小樽市医師会 事務局 | 申請の審査) and its menu. */
export function officeChrome(ctx: PageContext, c: Context<AppEnv>, current: string): OfficeChrome {
  const principal = pagePrincipal(c);
  const items = [{ label: '申請一覧', href: '/office' }];
  if (ctx.devMail) items.push({ label: '送信メール', href: '/dev/mail' });
  return {
    associationId: principal.associationId ?? '',
    account: {
      facts: [principal.name, '申請の審査'],
      home: '/office',
      csrfToken: principal.session?.csrfToken ?? '',
      devMail: ctx.devMail,
    },
    menu: sideMenu(items, current),
  };
}
