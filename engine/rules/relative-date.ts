import { isCalendarDate } from './date-input.js';

/**
 * The `minDate` / `maxDate` keywords: a bound that is `today`, `today+N` / `today-N` days, or a
 * fixed `YYYY-MM-DD`. "Today" is injected, never read from a clock, so tests and the browser agree.
 */
export const RELATIVE_DATE_PATTERN = '^(today([+-][0-9]{1,4})?|[0-9]{4}-[0-9]{2}-[0-9]{2})$';

/** Resolves a bound against today (`YYYY-MM-DD`) to an ISO date. */
export function resolveDateBound(bound: string, today: string): string {
  if (bound === 'today') return today;
  if (today !== resolvedToday) {
    resolved.clear();
    resolvedToday = today;
  }
  let limit = resolved.get(bound);
  if (limit === undefined) {
    limit = computeDateBound(bound, today);
    // Bounds come from schemas, so there are few; the cap only guards against odd callers.
    if (resolved.size < MAX_RESOLVED) resolved.set(bound, limit);
  }
  return limit;
}

/**
 * The bounds already resolved against `resolvedToday`. Resolving `today+N` builds a Date and
 * its ISO text, which costs more than all the rest of a validation, while today changes once
 * a day: every submission of the day shares the answer.
 */
const resolved = new Map<string, string>();
let resolvedToday = '';
const MAX_RESOLVED = 64;

function computeDateBound(bound: string, today: string): string {
  const offset = /^today([+-]\d+)$/.exec(bound);
  if (!offset) return bound;
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day + Number(offset[1])));
  return date.toISOString().slice(0, 10);
}

export type DateBoundViolation = {
  readonly code: 'minDate' | 'maxDate';
  readonly limit: string;
  readonly bound: string;
};

/**
 * Checks an ISO date against its bounds; dates that are not calendar days are left to `format`
 * (pass `checkFormat = false` when the format is already known to be right).
 */
export function checkDateBounds(
  value: string,
  minDate: string | undefined,
  maxDate: string | undefined,
  today: string,
  checkFormat = true,
): DateBoundViolation | undefined {
  if (checkFormat && !isCalendarDate(value)) return undefined;
  if (minDate !== undefined) {
    const limit = resolveDateBound(minDate, today);
    if (value < limit) return { code: 'minDate', limit, bound: minDate };
  }
  if (maxDate !== undefined) {
    const limit = resolveDateBound(maxDate, today);
    if (value > limit) return { code: 'maxDate', limit, bound: maxDate };
  }
  return undefined;
}
