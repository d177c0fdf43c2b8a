import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { checkCsrf } from '../../auth/authenticate.js';
import { clearSessionCookie, readSessionCookie, writeSessionCookie } from '../../auth/session-cookie.js';
import { sessionIdOf } from '../../auth/session-token.js';
import { createSession, deleteSession } from '../../auth/sessions.js';
import { signIn } from '../../auth/sign-in.js';
import { AccountLockedError, AuthenticationError } from '../../errors/app-errors.js';
import { ERROR_MESSAGES } from '../../errors/error-messages.js';
import { formFields } from '../http/form-fields.js';
import { CSRF_FIELD, loginToken, loginTokenMatches } from '../http/page-csrf.js';
import { HOME_OF, safeReturnPath } from '../http/page-session.js';
import type { PageContext } from '../page-context.js';
import { loginPage } from './login-page.js';

/** `GET/POST /login` and `POST /logout`, on the server's own sign-in and sessions. */
export function authRoutes(ctx: PageContext): Hono<AppEnv> {
  const { db, clock, config } = ctx.deps;
  const routes = new Hono<AppEnv>();

  routes.get('/login', (c) => {
    const principal = c.get('principal');
    if (principal) return c.redirect(HOME_OF[principal.role], 303);
    const next = safeReturnPath(c.req.query('next'));
    return c.html(loginPage(ctx, { token: loginToken(c), next, signedOut: c.req.query('signed-out') !== undefined }));
  });

  routes.post('/login', async (c) => {
    const fields = await formFields(c);
    const login = (fields.get('login') ?? '').trim();
    const password = fields.get('password') ?? '';
    const next = safeReturnPath(fields.get('next'));
    const again = (status: 401 | 403 | 422 | 429, error: string) =>
      c.html(loginPage(ctx, { token: loginToken(c), error, login, next }), status);

    if (!loginTokenMatches(c, fields.get(CSRF_FIELD))) return again(403, ERROR_MESSAGES.csrf_token_invalid.ja);
    if (login === '' || password === '' || login.length > 200 || password.length > 1024) {
      return again(422, 'ログインIDとパスワードを入力してください');
    }
    let accountId: string;
    let role: keyof typeof HOME_OF;
    try {
      const account = await signIn(db, clock, config.lockout, login, password);
      accountId = account.id;
      role = account.role;
    } catch (error) {
      if (error instanceof AccountLockedError) {
        c.header('Retry-After', String(error.retryAfterSeconds));
        return again(429, ERROR_MESSAGES.account_locked.ja);
      }
      if (error instanceof AuthenticationError) return again(401, ERROR_MESSAGES.invalid_credentials.ja);
      throw error;
    }
    // A new session on every sign-in: whatever session this browser had ends now.
    const previous = readSessionCookie(c);
    if (previous) await deleteSession(db, sessionIdOf(previous));
    const session = await createSession(db, clock, accountId, config.sessionTtlMs);
    writeSessionCookie(c, session.token, Math.floor(config.sessionTtlMs / 1000));
    return c.redirect(next ?? HOME_OF[role], 303);
  });

  routes.post('/logout', async (c) => {
    const principal = c.get('principal');
    if (principal?.session) {
      checkCsrf(principal, 'POST', (await formFields(c)).get(CSRF_FIELD));
      await deleteSession(db, principal.session.id);
    }
    clearSessionCookie(c);
    return c.redirect('/login?signed-out', 303);
  });

  return routes;
}
