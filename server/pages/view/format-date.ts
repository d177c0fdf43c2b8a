import { formatDisplayDate } from '../../../engine/index.js';
import { ASSOCIATION_TIME_ZONE } from '../../runtime/clock.js';

/** A calendar day (`YYYY-MM-DD`) as the manual writes it: 2024/10/31. */
export function displayDay(day: string): string {
  return formatDisplayDate(day);
}

/**
 * Made at its first use, not at import: creating it loads ICU's Japanese data and the time
 * zone, a few milliseconds every start would otherwise spend before the server listens.
 */
let dateTimeFormat: Intl.DateTimeFormat | undefined;

function japanDateTimeFormat(): Intl.DateTimeFormat {
  dateTimeFormat ??= new Intl.DateTimeFormat('ja-JP', {
    timeZone: ASSOCIATION_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return dateTimeFormat;
}

/** An instant in Japan's time: 2026/11/25 14:30. */
export function displayDateTime(instant: Date | string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  return Number.isNaN(date.getTime()) ? '' : japanDateTimeFormat().format(date);
}

/** The `datetime` attribute of a `<time>`: the instant in ISO form. */
export function isoInstant(instant: Date | string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}
