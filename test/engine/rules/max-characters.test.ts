import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countCharacters } from '../../../engine/index.js';
import { countCodePoints, exceedsMaxCharacters } from '../../../engine/rules/max-characters.js';
import { toNfc } from '../../../engine/rules/nfc.js';

describe('countCharacters', () => {
  it('counts full-width and half-width characters alike', () => {
    expect(countCharacters('あいう')).toBe(3);
    expect(countCharacters('ABC')).toBe(3);
    expect(countCharacters('ＡＢＣ')).toBe(3);
    expect(countCharacters('ｱｲｳ')).toBe(3);
  });

  it('counts a base letter with a combining mark once (NFC)', () => {
    const decomposed = 'か\u3099'; // か + combining dakuten = が
    expect(decomposed.length).toBe(2);
    expect(countCharacters(decomposed)).toBe(1);
  });

  it('counts characters outside the BMP once', () => {
    expect('𠮷野家'.length).toBe(4);
    expect(countCharacters('𠮷野家')).toBe(3);
  });
});

describe('exceedsMaxCharacters', () => {
  it('allows exactly the limit and rejects one more', () => {
    expect(exceedsMaxCharacters('あ'.repeat(50), 50)).toBe(false);
    expect(exceedsMaxCharacters('あ'.repeat(51), 50)).toBe(true);
    expect(exceedsMaxCharacters('𠮷'.repeat(50), 50)).toBe(false);
    expect(exceedsMaxCharacters('𠮷'.repeat(51), 50)).toBe(true);
  });

  it('counts lone surrogates as one character each', () => {
    expect(exceedsMaxCharacters(`${'あ'.repeat(49)}\ud842`, 50)).toBe(false);
    expect(exceedsMaxCharacters(`${'あ'.repeat(50)}\ud842`, 50)).toBe(true);
    expect(exceedsMaxCharacters(`\udfb7${'あ'.repeat(50)}`, 50)).toBe(true);
  });

  it('agrees with the count, whatever text was normalised last (property)', () => {
    // The check skips its scan for the text `toNfc` last left alone; any other text is scanned.
    const piece = fc.constantFrom('あ', 'a', '𠮷', '\ud842', '\udfb7', 'か\u3099', 'é', '漢');
    const text = fc.array(piece, { maxLength: 60 }).map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(text, text, fc.boolean(), fc.nat(70), (last, checked, same, limit) => {
        toNfc(last);
        const nfc = toNfc(same ? last : checked);
        expect(exceedsMaxCharacters(nfc, limit)).toBe(countCodePoints(nfc) > limit);
      }),
      { numRuns: 2000 },
    );
  });
});
