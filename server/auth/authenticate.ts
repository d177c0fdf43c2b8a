import type { Context, MiddlewareHandler } from 'hono';
import type { Kysely } from 'kysely';
import type { AppEnv, Principal } from '../app-env.js';
import type { AccountRole, Database } from '../db/database.js';
import { AuthenticationError, ForbiddenError } from '../errors/app-errors.js';
import type { Clock } from '../runtime/clock.js';
import { type EmbedTokenConfig, verifyEmbedToken } from './embed-token.js';
import { principalOfRegistrationNumber, principalOfSession } from './load-principal.js';
import { readSessionCookie } from './session-cookie.js';
import { sameToken } from './session-token.js';

export interface AuthenticateOptions {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly embed: EmbedTokenConfig | undefined;
}

/**
 * Finds who is calling: an embed token in `Authorization: Bearer` (which wins), else the
 * session cookie. Sets `principal`, or leaves it undefined for anonymous callers; a bearer
 * token that does not verify is refused at once.
 */
export function authenticate(options: AuthenticateOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('principal', await principalOfRequest(c, options));
    await next();
  };
}

/** The caller of a request, as `authenticate` finds it; undefined for anonymous callers. */
export function principalOfRequest(c: Context<AppEnv>, options: AuthenticateOptions): Promise<Principal | undefined> {
  return resolvePrincipal(c.req.header('Authorization'), readSessionCookie(c), options);
}

async function resolvePrincipal(
  authorization: string | undefined,
  cookieToken: string | undefined,
  { db, clock, embed }: AuthenticateOptions,
): Promise<Principal | undefined> {
  if (authorization !== undefined) {
    const match = /^Bearer\s+([\w-]+\.[\w-]+\.[\w-]+)\s*$/i.exec(authorization);
    if (!match?.[1] || !embed) throw new AuthenticationError('invalid_token');
    const registrationNumber = await verifyEmbedToken(match[1], embed, clock.now());
    const principal = await principalOfRegistrationNumber(db, registrationNumber, { via: 'bearer', session: null });
    if (!principal) throw new AuthenticationError('invalid_token');
    return principal;
  }
  if (cookieToken === undefined) return undefined;
  return principalOfSession(db, clock, cookieToken);
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Lets only signed-in callers with one of the roles through. Cookie-authenticated writes must
 * also echo the session's CSRF token in `X-CSRF-Token`; bearer requests carry no ambient
 * credential, so they need none.
 */
export function requireRole(...roles: readonly AccountRole[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    admit(c, roles);
    await next();
  };
}

/** `requireRole`'s checks on the request's principal: 401 without one, 403 for a missing CSRF token or another role. */
export function admit(c: Context<AppEnv>, roles: readonly AccountRole[]): Principal {
  const principal = c.get('principal');
  if (!principal) throw new AuthenticationError('unauthenticated');
  checkCsrf(principal, c.req.method, c.req.header('X-CSRF-Token'));
  if (!roles.includes(principal.role)) throw new ForbiddenError('forbidden');
  return principal;
}

/** A write through the session cookie must echo the session's CSRF token. */
export function checkCsrf(principal: Principal, method: string, sent: string | undefined): void {
  if (!principal.session || SAFE_METHODS.has(method)) return;
  if (!sent || !sameToken(sent, principal.session.csrfToken)) throw new ForbiddenError('csrf_token_invalid');
}

/** The signed-in principal; only for routes behind `requireRole`. */
export function principalOf(c: { get(key: 'principal'): Principal | undefined }): Principal {
  const principal = c.get('principal');
  if (!principal) throw new AuthenticationError('unauthenticated');
  return principal;
}

/** The signed-in member's id; only for routes behind `requireRole('member')`. */
export function memberIdOf(c: { get(key: 'principal'): Principal | undefined }): string {
  const memberId = principalOf(c).memberId;
  if (!memberId) throw new ForbiddenError('forbidden');
  return memberId;
}
