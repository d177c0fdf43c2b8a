import type { Context } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { calendarDay } from '../../runtime/clock.js';
import { type MemberProfile, memberProfile } from '../../store/member-profile.js';
import { pagePrincipal } from '../http/page-session.js';
import type { Html } from '../layout/html-types.js';
import { sideMenu } from '../layout/side-menu.js';
import type { HeaderAccount } from '../layout/site-header.js';
import type { PageContext } from '../page-context.js';
import { type FormLink, memberForms } from './member-forms.js';

/** What every member page shows around its content. */
export interface MemberChrome {
  readonly profile: MemberProfile;
  readonly account: HeaderAccount;
  readonly menu: Html;
  readonly forms: readonly FormLink[];
}

/**
 * The member's header (マイページ：日医 太郎 様 | 医籍登録番号：第123456号 | 日本医師会 20年以上)
 * and the side menu (各種申請, 登録情報, 医師会入退会履歴, お問合せ, お知らせ).
 */
export async function memberChrome(ctx: PageContext, c: Context<AppEnv>, current: string): Promise<MemberChrome> {
  const principal = pagePrincipal(c);
  const { db, catalog, clock } = ctx.deps;
  const [profile, forms] = await Promise.all([
    memberProfile(db, principal.memberId ?? '', calendarDay(clock.now())),
    memberForms(catalog),
  ]);
  const facts = [`マイページ：${profile.name} 様`, `医籍登録番号：第${profile.registrationNumber}号`];
  if (profile.seniority) facts.push(`${profile.seniority.associationName.ja} ${profile.seniority.label.ja}`);
  const menu = sideMenu(
    [
      { label: '各種申請', href: '/#apply', children: forms.map((form) => ({ label: form.title, href: form.href })) },
      { label: '登録情報', href: '/profile' },
      { label: '医師会入退会履歴', href: '/history' },
      { label: 'お問合せ', href: '/contact' },
      { label: 'お知らせ', href: '/notices' },
    ],
    current,
  );
  return {
    profile,
    forms,
    menu,
    account: { facts, home: '/', csrfToken: principal.session?.csrfToken ?? '', devMail: ctx.devMail },
  };
}
