import type { MiddlewareHandler } from 'hono';
import type { Kysely } from 'kysely';
import type { AppEnv, Principal } from '../../app-env.js';
import { principalOfAccount } from '../../auth/load-principal.js';
import { readSessionCookie } from '../../auth/session-cookie.js';
import { findSession } from '../../auth/sessions.js';
import type { AccountRole, Database } from '../../db/database.js';
import type { Clock } from '../../runtime/clock.js';

/**
 * Finds who is browsing from the session cookie alone, the way the API does for cookies.
 * Pages ignore `Authorization`: embed tokens are for the components on other sites.
 */
export function pageSession(db: Kysely<Database>, clock: Clock): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = readSessionCookie(c);
    const session = token === undefined ? undefined : await findSession(db, clock, token);
    c.set(
      'principal',
      session
        ? await principalOfAccount(db, session.accountId, {
            via: 'session',
            session: { id: session.id, csrfToken: session.csrfToken },
          })
        : undefined,
    );
    await next();
  };
}

/** Where each role starts after signing in. */
export const HOME_OF: Readonly<Record<AccountRole, string>> = {
  member: '/',
  office: '/office',
  staff: '/studio',
};

/**
 * Lets only the given roles see a page. Anonymous visitors go to the sign-in page (and come
 * back afterwards); another role goes to its own home rather than to an error.
 */
export function requirePageRole(...roles: readonly AccountRole[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const principal = c.get('principal');
    if (!principal) {
      const url = new URL(c.req.url);
      const back = `${url.pathname}${url.search}`;
      return c.redirect(back === '/' ? '/login' : `/login?next=${encodeURIComponent(back)}`, 303);
    }
    if (!roles.includes(principal.role)) return c.redirect(HOME_OF[principal.role], 303);
    return next();
  };
}

/** The signed-in principal of a page behind `requirePageRole`. */
export function pagePrincipal(c: { get(key: 'principal'): Principal | undefined }): Principal {
  const principal = c.get('principal');
  if (!principal) throw new Error('pagePrincipal used on a page without requirePageRole');
  return principal;
}

/**
 * A path to return to after signing in: only a path on this site (`/…`, never `//host` or
 * `/\\host`, which browsers read as another origin).
 */
export function safeReturnPath(value: string | undefined): string | undefined {
  if (!value || value.length > 500) return undefined;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return undefined;
  // Path and query characters only: no spaces, control characters or backslashes.
  return /^\/[\w\-./?=&%~+:@!$'()*,;]*$/.test(value) ? value : undefined;
}
