import { describe, expect, it } from 'vitest';
import { checkDateBounds, resolveDateBound } from '../../../engine/rules/relative-date.js';

describe('resolveDateBound', () => {
  it('resolves today and offsets across month and year ends', () => {
    expect(resolveDateBound('today', '2026-11-25')).toBe('2026-11-25');
    expect(resolveDateBound('today+7', '2026-12-28')).toBe('2027-01-04');
    expect(resolveDateBound('today-1', '2024-03-01')).toBe('2024-02-29');
    expect(resolveDateBound('2030-01-01', '2026-11-25')).toBe('2030-01-01');
  });

  it('answers for the today it is given, whatever today the call before used', () => {
    // Resolutions are kept for the last today seen; a new today must not reuse them.
    const cases = [
      ['today+3', '2026-11-25', '2026-11-28'],
      ['today+3', '2026-12-30', '2027-01-02'],
      ['today-1', '2026-12-30', '2026-12-29'],
      ['today+3', '2026-11-25', '2026-11-28'],
      ['today-1', '2024-03-01', '2024-02-29'],
      ['today-1', '2024-03-01', '2024-02-29'],
      ['2030-01-01', '2024-03-01', '2030-01-01'],
    ] as const;
    for (const [bound, today, expected] of cases) expect(resolveDateBound(bound, today)).toBe(expected);
  });
});

describe('checkDateBounds', () => {
  it('rejects a date before today and accepts today', () => {
    expect(checkDateBounds('2026-11-24', 'today', undefined, '2026-11-25')).toEqual({
      code: 'minDate',
      limit: '2026-11-25',
      bound: 'today',
    });
    expect(checkDateBounds('2026-11-25', 'today', undefined, '2026-11-25')).toBeUndefined();
  });

  it('rejects a date after the maximum', () => {
    expect(checkDateBounds('2027-01-02', undefined, 'today+30', '2026-12-02')?.code).toBe('maxDate');
    expect(checkDateBounds('2027-01-01', undefined, 'today+30', '2026-12-02')).toBeUndefined();
  });

  it('leaves impossible dates to the format check', () => {
    expect(checkDateBounds('2020-02-30', 'today', undefined, '2026-11-25')).toBeUndefined();
  });
});
