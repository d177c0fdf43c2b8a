import type { MiddlewareHandler } from 'hono';

const NAMES_ACCEPT_ENCODING = /(?:^|,)\s*accept-encoding\s*(?:,|$)/i;

/**
 * Says `Vary: Accept-Encoding` on every answer of a path whose body depends on it, compressed or
 * not: a shared cache that stored the plain answer must not hand it to a browser that asked for
 * brotli, nor the brotli one to a client that cannot read it. The static files' middleware says so
 * only when it sends a compressed file.
 */
export const varyByEncoding: MiddlewareHandler = async (c, next) => {
  await next();
  const vary = c.res.headers.get('Vary');
  if (vary === null) c.res.headers.set('Vary', 'Accept-Encoding');
  else if (!NAMES_ACCEPT_ENCODING.test(vary)) c.res.headers.set('Vary', `${vary}, Accept-Encoding`);
};
