import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../app-env.js';

/**
 * The portal's pages load only their own files: no inline script or style anywhere, so an
 * injected `<script>` in someone's reason or comment could not run even if escaping failed.
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/**
 * Sets the page headers on every response of the portal, errors and redirects included. The
 * app adds its own defaults around them (nosniff, frame-ancestors from the configuration).
 */
export function pageHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    // A response may bring its own, stricter policy (a mail's HTML part is sandboxed).
    if (!headers.has('Content-Security-Policy')) headers.set('Content-Security-Policy', PAGE_CSP);
    headers.set('X-Content-Type-Options', 'nosniff');
    headers.set('Referrer-Policy', 'same-origin');
    // Pages carry personal data: no shared or back-forward cache keeps them. Assets set their own.
    if (!headers.has('Cache-Control')) headers.set('Cache-Control', 'no-store');
  };
}
