import type { Locale } from '../../engine/index.js';
import { BadRequestError } from '../errors/app-errors.js';
import { isLocale } from '../http/request-locale.js';

/** Readers of the studio's request fields: each refuses a wrong type with a 400 that names the field. */

export function definitionOf(body: Record<string, unknown>): unknown {
  if (!Object.hasOwn(body, 'definition')) throw invalid('definition', 'フォーム定義', 'the form definition');
  return body.definition;
}

export function localeOf(body: Record<string, unknown>): Locale {
  if (body.locale === undefined) return 'ja';
  if (!isLocale(body.locale)) throw invalid('locale', '"ja" か "en"', '"ja" or "en"');
  return body.locale;
}

/** Test data: a JSON object, or nothing. */
export function dataOf(body: Record<string, unknown>): Record<string, unknown> | undefined {
  const data = body.data;
  if (data === undefined || data === null) return undefined;
  if (typeof data !== 'object' || Array.isArray(data)) throw invalid('data', 'JSON のオブジェクト', 'a JSON object');
  return data as Record<string, unknown>;
}

export function optionalString(body: Record<string, unknown>, name: string, maxLength = 200): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.length > maxLength) {
    throw invalid(name, `${maxLength}文字以内の文字列`, `a string of at most ${maxLength} characters`);
  }
  return value;
}

export function requiredString(body: Record<string, unknown>, name: string, maxLength = 200): string {
  const value = optionalString(body, name, maxLength);
  if (value === undefined || value === '') throw invalid(name, '文字列', 'a string');
  return value;
}

/** A calendar day `YYYY-MM-DD` that the date rules compare with. */
export function dayOf(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw invalid(name, 'YYYY-MM-DD', 'YYYY-MM-DD');
  return value;
}

export function positiveIntegerOf(body: Record<string, unknown>, name: string): number {
  const value = body[name];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
    throw invalid(name, '1以上の整数', 'a whole number ≥ 1');
  return value;
}

function invalid(name: string, ja: string, en: string): BadRequestError {
  return new BadRequestError('invalid_request', {
    ja: `${name} には${ja}を指定してください`,
    en: `Give ${name} as ${en}`,
  });
}
