import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';
import { BadRequestError } from '../errors/app-errors.js';
import { hasEncodedControlCharacters } from '../runtime/safe-text.js';

/**
 * Refuses a URL whose path or query carries a control character (`/api/me/applications/%00`):
 * 400 before any route passes it on to the database, which cannot store a NUL and said so with
 * a 500.
 */
export function urlGuard(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const url = new URL(c.req.url);
    if (hasEncodedControlCharacters(url.pathname + url.search)) {
      throw new BadRequestError('invalid_request', {
        ja: 'URL に使用できない文字（制御文字）が含まれています',
        en: 'The URL contains characters that cannot be used (control characters)',
      });
    }
    await next();
  };
}
