import type { Context } from 'hono';
import { BadRequestError, UnsupportedMediaTypeError } from '../errors/app-errors.js';
import { jsonProblem, MAX_JSON_DEPTH } from '../runtime/safe-text.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

export interface ReadJsonOptions {
  /** The body's only keys; any other is refused, so a misspelt one is not silently ignored. */
  readonly keys?: readonly string[];
}

/**
 * The request's JSON body as an object. Anything but `application/json` is 415 (which also
 * keeps cross-site HTML forms out), a body that does not parse is 400 `invalid_json`, and JSON
 * that is not an object, is not UTF-8, nests deeper than any request needs, holds characters nobody types
 * (NUL, other controls, broken surrogates) or has a key the route does not take is 400
 * `invalid_request`.
 */
export async function readJsonObject(c: Context, options: ReadJsonOptions = {}): Promise<Record<string, unknown>> {
  const type = c.req.header('Content-Type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type)) throw new UnsupportedMediaTypeError();
  let text: string;
  try {
    // Fatal: bytes that are not UTF-8 are refused, not quietly turned into U+FFFD and stored.
    text = UTF8.decode(await c.req.arrayBuffer());
  } catch {
    throw new BadRequestError('invalid_json', {
      ja: 'リクエストの本文の文字コードが正しくありません。UTF-8 で送信してください',
      en: 'The request body is not valid UTF-8',
    });
  }
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
  const problem = jsonProblem(body);
  if (problem === 'too_deep') {
    throw new BadRequestError('invalid_request', {
      ja: `リクエストの本文の入れ子が深すぎます（${MAX_JSON_DEPTH}段まで）`,
      en: `The request body is nested too deeply (at most ${MAX_JSON_DEPTH} levels)`,
    });
  }
  if (problem === 'unsafe_text') {
    throw new BadRequestError('invalid_request', {
      ja: '入力に使用できない文字（制御文字など）が含まれています。入力し直してください',
      en: 'The input contains characters that cannot be used (control characters or similar). Please type it again',
    });
  }
  if (options.keys) {
    const unknown = Object.keys(body).find((key) => !options.keys?.includes(key));
    if (unknown !== undefined) {
      // The key is not echoed: it is the caller's text, and this message may be shown as is.
      throw new BadRequestError('invalid_request', {
        ja: `リクエストに不明な項目があります。使える項目は ${options.keys.join('、')} です`,
        en: `The request has an unknown key. The keys are ${options.keys.join(', ')}`,
      });
    }
  }
  return body as Record<string, unknown>;
}
