import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBlank, trimBlanks } from '../../../engine/rules/blanks.js';

describe('trimBlanks', () => {
  it('knows exactly the code units String.prototype.trim removes', () => {
    const wrong: number[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      if (isBlank(code) !== (String.fromCharCode(code).trim() === '')) wrong.push(code);
    }
    expect(wrong).toEqual([]);
  });

  it('returns the very text when neither end is a blank, and trims otherwise', () => {
    const text = '医療法人社団 青柳皮膚科医院';
    expect(trimBlanks(text)).toBe(text);
    expect(trimBlanks('')).toBe('');
    expect(trimBlanks('\u3000退会\u3000')).toBe('退会');
    expect(trimBlanks(' \n\t ')).toBe('');
  });

  it('agrees with String.prototype.trim on any text (property)', () => {
    const blanks = [' ', '\t', '\n', '\u00a0', '\u2028', '\u3000', '\ufeff', '\u180e', '\u200b', '\u0085'];
    const unit = fc.oneof(fc.constantFrom(...blanks), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 8 }), (text) => {
        expect(trimBlanks(text)).toBe(text.trim());
      }),
      { numRuns: 3000 },
    );
  });
});
