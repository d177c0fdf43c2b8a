/** Calendar arithmetic on `YYYY-MM-DD` strings, in UTC so no time zone shifts a day. */

export interface CalendarDay {
  readonly iso: string;
  readonly day: number;
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekday: number;
}

export function toIso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function fromIso(iso: string): Date {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day));
}

export function addDays(iso: string, days: number): string {
  const date = fromIso(iso);
  date.setUTCDate(date.getUTCDate() + days);
  return toIso(date);
}

/** The same day `months` later, or the month's last day when it has fewer days (1/31 + 1 → 2/28). */
export function addMonths(iso: string, months: number): string {
  const date = fromIso(iso);
  const day = date.getUTCDate();
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, last));
  return toIso(target);
}

/** The weeks (Sunday first) of the month containing `iso`; days of other months are null. */
export function monthWeeks(iso: string): (CalendarDay | null)[][] {
  const first = fromIso(`${iso.slice(0, 7)}-01`);
  const days = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  const cells: (CalendarDay | null)[] = Array.from({ length: first.getUTCDay() }, () => null);
  for (let day = 1; day <= days; day++) {
    const date = new Date(first);
    date.setUTCDate(day);
    cells.push({ iso: toIso(date), day, weekday: date.getUTCDay() });
  }
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (CalendarDay | null)[][] = [];
  for (let index = 0; index < cells.length; index += 7) weeks.push(cells.slice(index, index + 7));
  return weeks;
}

/** `iso` moved into `[min, max]` (either bound may be empty). */
export function clampDate(iso: string, min: string, max: string): string {
  if (min !== '' && iso < min) return min;
  if (max !== '' && iso > max) return max;
  return iso;
}
