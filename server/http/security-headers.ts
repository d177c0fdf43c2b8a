import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';

export interface SecurityHeaderOptions {
  /**
   * Origins allowed to show our responses in a frame (CSP `frame-ancestors`), e.g. an
   * association's site that frames the portal. Empty: nobody may (`'none'`).
   */
  readonly frameAncestors: readonly string[];
  /** Proxies in front of the server; with one or more, their `X-Forwarded-Proto` is believed. */
  readonly trustedProxies: number;
}

/** One year, subdomains included: once a browser has seen us over TLS, it never uses plain HTTP. */
export const HSTS = 'max-age=31536000; includeSubDomains';

/** The `frame-ancestors` source list for the configured origins. */
export function frameAncestorsValue(origins: readonly string[]): string {
  return origins.length === 0 ? "'none'" : origins.join(' ');
}

/** What a JSON answer needs: it loads nothing, runs nothing, and is framed by no one unconfigured. */
export function apiCsp(origins: readonly string[]): string {
  return `default-src 'none'; frame-ancestors ${frameAncestorsValue(origins)}`;
}

/**
 * Sets the headers every response carries, API and pages alike, after the route has answered.
 * It only fills in what is missing — a page or a mail preview that set its own, stricter
 * Content-Security-Policy keeps it — except `frame-ancestors`, which always comes from the
 * configuration, so one setting decides which sites may frame us, everywhere.
 */
export function securityHeaders(options: SecurityHeaderOptions): MiddlewareHandler<AppEnv> {
  const ancestors = frameAncestorsValue(options.frameAncestors);
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    const csp = headers.get('Content-Security-Policy');
    // A response may let our own pages frame it by saying `frame-ancestors 'self'` itself (the
    // studio's sandboxed mail preview); the configured origins still come along.
    const selfFramed = csp !== null && /(?:^|;)\s*frame-ancestors\s+'self'\s*(?:;|$)/i.test(csp);
    const allowed = selfFramed ? (options.frameAncestors.length === 0 ? "'self'" : `'self' ${ancestors}`) : ancestors;
    headers.set('Content-Security-Policy', csp ? withFrameAncestors(csp, allowed) : apiCsp(options.frameAncestors));
    headers.set('X-Content-Type-Options', 'nosniff');
    if (!headers.has('Referrer-Policy')) headers.set('Referrer-Policy', 'same-origin');
    // For browsers that predate frame-ancestors; it cannot name origins, so only when none may frame us.
    if (options.frameAncestors.length === 0) headers.set('X-Frame-Options', selfFramed ? 'SAMEORIGIN' : 'DENY');
    else headers.delete('X-Frame-Options');
    if (arrivedOverTls(c, options.trustedProxies)) headers.set('Strict-Transport-Security', HSTS);
  };
}

/** The policy with its `frame-ancestors` directive replaced (or added). */
export function withFrameAncestors(policy: string, ancestors: string): string {
  const directives = policy
    .split(';')
    .map((directive) => directive.trim())
    .filter((directive) => directive !== '' && !/^frame-ancestors(\s|$)/i.test(directive));
  return [...directives, `frame-ancestors ${ancestors}`].join('; ');
}

/**
 * TLS on this connection, or at a trusted proxy in front that says so. An untrusted client's
 * `X-Forwarded-Proto` is ignored: HSTS is a promise about the whole site, not the caller's say-so.
 */
export function arrivedOverTls(c: Context, trustedProxies: number): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  if (trustedProxies <= 0) return false;
  return c.req.header('X-Forwarded-Proto')?.split(',')[0]?.trim().toLowerCase() === 'https';
}
