import { isCalendarDate } from '../../engine/index.js';

/** A day on the calendar, without a time or a time zone. */
export interface CalendarDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

// Japan has kept UTC+9 without daylight saving since 1951, so a fixed offset is exact here.
const JAPAN_OFFSET_MS = 9 * 60 * 60 * 1000;

/** The day a moment falls on in Japan, where every association and member is. */
export function japanDay(moment: Date): CalendarDay {
  const shifted = new Date(moment.getTime() + JAPAN_OFFSET_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/**
 * Reads the dates a mail template meets: a Date, `2026-11-25`, `2026/11/25` (the confirm view's
 * display form) or a full ISO timestamp. Anything else is not a date and gives undefined.
 */
export function toCalendarDay(value: unknown): CalendarDay | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : japanDay(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const plain = /^(\d{4})[-/](\d{2})[-/](\d{2})$/.exec(text);
  if (plain) {
    const iso = `${plain[1]}-${plain[2]}-${plain[3]}`;
    if (!isCalendarDate(iso)) return undefined;
    return { year: Number(plain[1]), month: Number(plain[2]), day: Number(plain[3]) };
  }
  if (/^\d{4}-\d{2}-\d{2}T/.test(text)) {
    const moment = new Date(text);
    return Number.isNaN(moment.getTime()) ? undefined : japanDay(moment);
  }
  return undefined;
}

/** `2026/11/25`, the form the manual writes every date in. */
export function formatSlashDate(day: CalendarDay): string {
  return `${day.year}/${pad(day.month)}/${pad(day.day)}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
