/** Calendar arithmetic on `YYYY-MM-DD` strings, in UTC so no time zone shifts a day. */

export interface CalendarDay {
  readonly iso: string;
  readonly day: number;
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekday: number;
}

/** The day `day` of month `month` (0-based) of `year`; both may run over into the next ones. */
function isoOf(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month, day)).toISOString().slice(0, 10);
}

function partsOf(iso: string): [year: number, month: number, day: number] {
  return iso.split('-').map(Number) as [number, number, number];
}

/** How many days the month (1-based) has: day 0 of the next month is its last. */
function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function weekdayOf(iso: string): number {
  const [year, month, day] = partsOf(iso);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

export function addDays(iso: string, days: number): string {
  const [year, month, day] = partsOf(iso);
  return isoOf(year, month - 1, day + days);
}

/** The same day `months` later, or the month's last day when it has fewer days (1/31 + 1 → 2/28). */
export function addMonths(iso: string, months: number): string {
  const [year, month, day] = partsOf(iso);
  return isoOf(year, month - 1 + months, Math.min(day, daysIn(year, month + months)));
}

/** The weeks (Sunday first) of the month containing `iso`; days of other months are null. */
export function monthWeeks(iso: string): (CalendarDay | null)[][] {
  const [year, month] = partsOf(iso);
  const blanks = weekdayOf(`${iso.slice(0, 8)}01`);
  const days = daysIn(year, month);
  const weeks: (CalendarDay | null)[][] = [];
  for (let start = 1 - blanks; start <= days; start += 7) {
    weeks.push(
      Array.from({ length: 7 }, (_, weekday) => {
        const day = start + weekday;
        return day >= 1 && day <= days ? { iso: isoOf(year, month - 1, day), day, weekday } : null;
      }),
    );
  }
  return weeks;
}

/** `iso` moved into `[min, max]` (either bound may be empty). */
export function clampDate(iso: string, min: string, max: string): string {
  if (min !== '' && iso < min) return min;
  if (max !== '' && iso > max) return max;
  return iso;
}
