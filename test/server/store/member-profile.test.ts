import { describe, expect, it } from 'vitest';
import { seniority, wholeYears } from '../../../server/store/member-profile.js';

const JMA = { ja: '日本医師会', en: 'Japan Medical Association' };

describe('seniority', () => {
  it('counts whole years as birthdays do', () => {
    expect(wholeYears('2003-04-01', '2026-11-25')).toBe(23);
    expect(wholeYears('2006-11-25', '2026-11-25')).toBe(20);
    expect(wholeYears('2006-11-26', '2026-11-25')).toBe(19);
  });

  it('labels the highest band reached, as the header shows it', () => {
    expect(seniority(JMA, 23).label).toEqual({ ja: '20年以上', en: '20+ years' });
    expect(seniority(JMA, 19).label.ja).toBe('10年以上');
    expect(seniority(JMA, 30).label.ja).toBe('30年以上');
    expect(seniority(JMA, 1).label.ja).toBe('1年以上');
    expect(seniority(JMA, 0).label).toEqual({ ja: '1年未満', en: 'less than 1 year' });
  });
});
