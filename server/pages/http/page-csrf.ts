import { randomBytes } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../../app-env.js';
import { sameToken } from '../../auth/session-token.js';
import { ForbiddenError } from '../../errors/app-errors.js';
import { formFields } from './form-fields.js';

/** The hidden field every page form carries its token in. */
export const CSRF_FIELD = '_csrf';

/**
 * A signed-in page form must post the session's CSRF token (the one the API wants in
 * `X-CSRF-Token`): another site can make the browser post, but cannot read the token.
 */
export function requirePageCsrf(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const expected = c.get('principal')?.session?.csrfToken;
    const sent = (await formFields(c)).get(CSRF_FIELD);
    if (!expected || !sent || !sameToken(sent, expected)) throw new ForbiddenError('csrf_token_invalid');
    await next();
  };
}

const LOGIN_COOKIE = 'mamis_login_csrf';
const LOGIN_TOKEN = /^[\w-]{32}$/;

/**
 * The sign-in form has no session yet, so its token is a double-submit one: the same random
 * value in a strict, HttpOnly cookie and in the form. A cross-site post carries neither.
 */
export function loginToken(c: Context): string {
  const current = getCookie(c, LOGIN_COOKIE);
  const token = current && LOGIN_TOKEN.test(current) ? current : randomBytes(24).toString('base64url');
  setCookie(c, LOGIN_COOKIE, token, {
    path: '/login',
    httpOnly: true,
    sameSite: 'Strict',
    secure: new URL(c.req.url).protocol === 'https:' || c.req.header('X-Forwarded-Proto') === 'https',
    maxAge: 60 * 60,
  });
  return token;
}

/** True when the posted sign-in form carries the token of its cookie. */
export function loginTokenMatches(c: Context, sent: string | undefined): boolean {
  const cookie = getCookie(c, LOGIN_COOKIE);
  return !!cookie && !!sent && LOGIN_TOKEN.test(cookie) && sameToken(cookie, sent);
}
