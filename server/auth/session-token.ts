import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** The random session token for the cookie (32 bytes, base64url). */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The row id of a session: SHA-256 of its token. The database never holds a token that could
 * be replayed if the table leaked.
 */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The CSRF token of a session: random, sent back in `X-CSRF-Token` with cookie-authenticated writes. */
export function newCsrfToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Constant-time string comparison for tokens. */
export function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
