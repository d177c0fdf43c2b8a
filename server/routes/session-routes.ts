import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.js';
import type { AppEnv, Principal } from '../app-env.js';
import { checkCsrf, principalOf, requireRole } from '../auth/authenticate.js';
import { principalOfAccount } from '../auth/load-principal.js';
import { clearSessionCookie, readSessionCookie, writeSessionCookie } from '../auth/session-cookie.js';
import { sessionIdOf } from '../auth/session-token.js';
import { createSession, deleteSession } from '../auth/sessions.js';
import { signIn } from '../auth/sign-in.js';
import { BadRequestError } from '../errors/app-errors.js';
import { readJsonObject } from '../http/read-json.js';

/** The account as the client sees it. */
export function accountView(principal: Principal) {
  return {
    id: principal.accountId,
    role: principal.role,
    name: principal.name,
    ...(principal.associationId ? { associationId: principal.associationId } : {}),
  };
}

/** Sign-in (`POST`), who am I (`GET`) and sign-out (`DELETE`) under `/api/session`. */
export function sessionRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, clock, config } = deps;
  const routes = new Hono<AppEnv>();

  routes.post('/session', async (c) => {
    const body = await readJsonObject(c, { keys: ['login', 'password'] });
    const { login, password } = body;
    if (typeof login !== 'string' || typeof password !== 'string' || login.length > 200 || password.length > 1024) {
      throw new BadRequestError('invalid_request', {
        ja: 'ログインIDとパスワードを入力してください',
        en: 'Enter your login and password',
      });
    }
    const account = await signIn(db, clock, config.lockout, login.trim(), password);
    // A new session on every sign-in; the one this browser had before ends now.
    const previous = readSessionCookie(c);
    if (previous) await deleteSession(db, sessionIdOf(previous));
    const session = await createSession(db, clock, account.id, config.sessionTtlMs);
    writeSessionCookie(c, session.token, Math.floor(config.sessionTtlMs / 1000));
    const principal = await principalOfAccount(db, account.id, {
      via: 'session',
      session: { id: session.id, csrfToken: session.csrfToken },
    });
    if (!principal) throw new Error(`Account ${account.id} vanished during sign-in`);
    c.set('principal', principal);
    return c.json({ account: accountView(principal), csrfToken: session.csrfToken });
  });

  routes.get('/session', requireRole('member', 'office', 'staff'), (c) => {
    const principal = principalOf(c);
    return c.json({ account: accountView(principal), csrfToken: principal.session?.csrfToken ?? null });
  });

  routes.delete('/session', async (c) => {
    // Without a valid session there is nothing to end; the cookie is cleared all the same.
    const principal = c.get('principal');
    if (principal) checkCsrf(principal, c.req.method, c.req.header('X-CSRF-Token'));
    if (principal?.session) await deleteSession(db, principal.session.id);
    clearSessionCookie(c);
    return c.body(null, 204);
  });

  return routes;
}
