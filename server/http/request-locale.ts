import type { Context } from 'hono';
import type { Locale } from '../../engine/index.js';
import type { AppEnv } from '../app-env.js';

/**
 * The caller's language: `?lang=` first, then the member's stored locale, then the browser's
 * Accept-Language; Japanese when nothing says otherwise.
 */
export function requestLocale(c: Context<AppEnv>): Locale {
  const query = c.req.query('lang');
  if (isLocale(query)) return query;
  const stored = c.get('principal')?.locale;
  if (stored) return stored;
  return acceptedLocale(c.req.header('Accept-Language'));
}

export function isLocale(value: unknown): value is Locale {
  return value === 'ja' || value === 'en';
}

/** The first of ja/en by quality in an Accept-Language header. */
export function acceptedLocale(header: string | undefined): Locale {
  if (!header) return 'ja';
  let best: { locale: Locale; quality: number } | undefined;
  for (const part of header.split(',')) {
    const [range = '', ...parameters] = part.trim().split(';');
    const language = range.trim().toLowerCase().split('-')[0];
    if (!isLocale(language)) continue;
    const q = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const quality = q === undefined ? 1 : Number(q.slice(2));
    if (Number.isFinite(quality) && quality > 0 && (!best || quality > best.quality)) {
      best = { locale: language, quality };
    }
  }
  return best?.locale ?? 'ja';
}
