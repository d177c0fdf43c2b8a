import { describe, expect, it } from 'vitest';
import { formatSlashDate, formatWareki, japanDay, MAIL_HELPERS, toCalendarDay } from '../../server/mail/index.js';

describe('dates in mail', () => {
  it('writes a day as yyyy/mm/dd from the forms a template meets', () => {
    expect(MAIL_HELPERS.date('2026-11-25')).toBe('2026/11/25');
    expect(MAIL_HELPERS.date('2026/01/05')).toBe('2026/01/05');
    expect(MAIL_HELPERS.date(new Date('2026-03-04T00:00:00+09:00'))).toBe('2026/03/04');
  });

  it('takes the day in Japan for a moment, not the day in UTC', () => {
    // 20:00 UTC on 24 November is already 25 November in Japan.
    expect(formatSlashDate(japanDay(new Date('2026-11-24T20:00:00Z')))).toBe('2026/11/25');
    expect(MAIL_HELPERS.date('2026-11-24T20:00:00Z')).toBe('2026/11/25');
  });

  it('leaves what is not a date as it is, and an absent value empty', () => {
    expect(MAIL_HELPERS.date('（未入力）')).toBe('（未入力）');
    expect(MAIL_HELPERS.date('2026-02-30')).toBe('2026-02-30');
    expect(MAIL_HELPERS.date(null)).toBe('');
    expect(toCalendarDay(42)).toBeUndefined();
  });

  it('writes 和暦 with the era of the day, the first year as 元年', () => {
    expect(MAIL_HELPERS.wareki('2026/11/25')).toBe('令和8年11月25日');
    expect(MAIL_HELPERS.wareki('2019-05-01')).toBe('令和元年5月1日');
    expect(MAIL_HELPERS.wareki('2019-04-30')).toBe('平成31年4月30日');
    expect(MAIL_HELPERS.wareki('1989-01-08')).toBe('平成元年1月8日');
    expect(MAIL_HELPERS.wareki('1989-01-07')).toBe('昭和64年1月7日');
    expect(MAIL_HELPERS.wareki('1926-12-25')).toBe('昭和元年12月25日');
    expect(MAIL_HELPERS.wareki('1926-12-24')).toBe('大正15年12月24日');
    expect(MAIL_HELPERS.wareki('1912-07-30')).toBe('大正元年7月30日');
    expect(MAIL_HELPERS.wareki('1912-07-29')).toBe('明治45年7月29日');
  });

  it('keeps dates before the Gregorian calendar (明治6年) in Western years', () => {
    expect(formatWareki({ year: 1873, month: 1, day: 1 })).toBe('明治6年1月1日');
    expect(formatWareki({ year: 1872, month: 12, day: 31 })).toBe('1872年12月31日');
  });
});
