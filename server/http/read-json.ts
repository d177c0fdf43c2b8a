import type { Context } from 'hono';
import { BadRequestError, UnsupportedMediaTypeError } from '../errors/app-errors.js';

/**
 * The request's JSON body as an object. Anything but `application/json` is 415 (which also
 * keeps cross-site HTML forms out), a body that does not parse is 400 `invalid_json`, and JSON
 * that is not an object is 400 `invalid_request`.
 */
export async function readJsonObject(c: Context): Promise<Record<string, unknown>> {
  const type = c.req.header('Content-Type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type)) throw new UnsupportedMediaTypeError();
  const text = await c.req.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new BadRequestError('invalid_json');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new BadRequestError('invalid_request', {
      ja: 'リクエストの本文は JSON のオブジェクトにしてください',
      en: 'The request body must be a JSON object',
    });
  }
  return body as Record<string, unknown>;
}
