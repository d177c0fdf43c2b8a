import type { Context } from 'hono';

/** The socket of a request served by `@hono/node-server` (absent under `app.request` in tests). */
interface NodeBindings {
  readonly incoming?: { readonly socket?: { readonly remoteAddress?: string | undefined } };
}

/**
 * The address of the client. Behind `trustedProxies` proxies, each of which appends the address
 * it received the request from to `X-Forwarded-For`, the client is that many entries from the
 * end; anything further left was written by the client itself and proves nothing. Undefined
 * when nothing is known (in-process requests in tests).
 */
export function clientAddress(c: Context, trustedProxies: number): string | undefined {
  const socket = (c.env as NodeBindings | undefined)?.incoming?.socket?.remoteAddress;
  if (trustedProxies <= 0) return socket;
  const forwarded = (c.req.header('X-Forwarded-For') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return forwarded[forwarded.length - trustedProxies] ?? forwarded[0] ?? socket;
}
