import type { CalendarDay } from './calendar-day.js';

interface Era {
  readonly name: string;
  /** The first day of the era, as `yyyymmdd` for a plain numeric comparison. */
  readonly from: number;
  /** The Gregorian year that is the era's first year (元年). */
  readonly firstYear: number;
}

/**
 * The eras since Japan adopted the Gregorian calendar on 明治6年1月1日 (1873-01-01). Earlier
 * dates were lunisolar and cannot be converted by arithmetic, so they stay Gregorian.
 */
const ERAS: readonly Era[] = [
  { name: '令和', from: 20190501, firstYear: 2019 },
  { name: '平成', from: 19890108, firstYear: 1989 },
  { name: '昭和', from: 19261225, firstYear: 1926 },
  { name: '大正', from: 19120730, firstYear: 1912 },
  { name: '明治', from: 18730101, firstYear: 1868 },
];

/**
 * The date in the Japanese era calendar (和暦) as official documents write it:
 * `令和8年11月25日`, with the first year of an era written 元年 (`令和元年5月1日`).
 */
export function formatWareki(day: CalendarDay): string {
  const key = day.year * 10000 + day.month * 100 + day.day;
  const era = ERAS.find((candidate) => key >= candidate.from);
  if (!era) return `${day.year}年${day.month}月${day.day}日`;
  const year = day.year - era.firstYear + 1;
  return `${era.name}${year === 1 ? '元' : year}年${day.month}月${day.day}日`;
}
