import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDisplayDate, isCalendarDate, normaliseDateInput } from '../../../engine/index.js';
import { isIsoShaped } from '../../../engine/rules/date-input.js';

describe('normaliseDateInput', () => {
  it.each([
    ['2024/10/31', '2024-10-31'],
    ['２０２４／１０／３１', '2024-10-31'],
    ['２０２４/10/３１', '2024-10-31'],
    ['2024-10-31', '2024-10-31'],
    ['2024.10.31', '2024-10-31'],
    ['2024/1/5', '2024-01-05'],
    ['2024年10月31日', '2024-10-31'],
    ['20241031', '2024-10-31'],
    [' 2024/10/31 ', '2024-10-31'],
  ])('reads %j as %s', (input, expected) => {
    expect(normaliseDateInput(input)).toBe(expected);
  });

  it('leaves what is not a date as typed (trimmed) for the format check to report', () => {
    expect(normaliseDateInput(' 31/10/2024 ')).toBe('31/10/2024');
    expect(normaliseDateInput('来月')).toBe('来月');
  });

  it('reads ten characters shaped like a date as the general reading does (property)', () => {
    // A leading blank never reaches the fast path for ten characters, so it compares the two.
    const digit = fc.constantFrom('0', '1', '2', '9', '０', '９', 'a', ' ');
    const separator = fc.constantFrom('/', '-', '.', '／', '年', '0');
    const shaped = fc
      .tuple(fc.array(digit, { minLength: 8, maxLength: 8 }), separator, separator)
      .map(
        ([d, first, second]) =>
          `${d.slice(0, 4).join('')}${first}${d.slice(4, 6).join('')}${second}${d.slice(6).join('')}`,
      );
    fc.assert(
      fc.property(shaped, (text) => {
        expect(normaliseDateInput(text)).toBe(normaliseDateInput(` ${text}`));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('isCalendarDate', () => {
  it('accepts real days and rejects impossible ones', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2024-02-30')).toBe(false);
    expect(isCalendarDate('1900-02-29')).toBe(false);
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('2024-13-01')).toBe(false);
    expect(isCalendarDate('2024-04-31')).toBe(false);
    expect(isCalendarDate('2024-12-31')).toBe(true);
    expect(isCalendarDate('2024-1-01')).toBe(false);
  });
});

describe('isIsoShaped', () => {
  it('tells the YYYY-MM-DD shape, real day or not', () => {
    for (const text of ['2024-10-31', '2024-02-30', '0000-99-99']) expect(isIsoShaped(text)).toBe(true);
    for (const text of ['2024/10/31', '2024-1-31', '２０２４-10-31', '2024-10-3a', ' 2024-10-31', '2024-10-31 ', '']) {
      expect(isIsoShaped(text)).toBe(false);
    }
  });
});

describe('formatDisplayDate', () => {
  it('shows ISO dates as yyyy/mm/dd', () => {
    expect(formatDisplayDate('2024-10-31')).toBe('2024/10/31');
    expect(formatDisplayDate('not a date')).toBe('not a date');
  });
});
