import { formatDisplayDate } from '../../../engine/index.js';
import { ASSOCIATION_TIME_ZONE } from '../../runtime/clock.js';

/** A calendar day (`YYYY-MM-DD`) as the manual writes it: 2024/10/31. */
export function displayDay(day: string): string {
  return formatDisplayDate(day);
}

const DATE_TIME = new Intl.DateTimeFormat('ja-JP', {
  timeZone: ASSOCIATION_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant in Japan's time: 2026/11/25 14:30. */
export function displayDateTime(instant: Date | string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  return Number.isNaN(date.getTime()) ? '' : DATE_TIME.format(date);
}

/** The `datetime` attribute of a `<time>`: the instant in ISO form. */
export function isoInstant(instant: Date | string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}
