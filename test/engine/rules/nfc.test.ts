import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { toNfc } from '../../../engine/rules/nfc.js';

/** Calls `toNfc` and says whether it went to the normaliser. */
function nfcWithPath(text: string): { result: string; normalised: boolean } {
  const normalize = vi.spyOn(String.prototype, 'normalize');
  try {
    const result = toNfc(text);
    return { result, normalised: normalize.mock.calls.length > 0 };
  } finally {
    normalize.mockRestore();
  }
}

describe('toNfc', () => {
  it('returns ASCII unchanged without calling the normaliser', () => {
    for (const text of ['', 'Sapporo Clinic 3-1-2', 'a@example.jp', '~!"#$%&\'()*+,-./:;<=>?[\\]^_`{|}\n\t']) {
      expect(nfcWithPath(text)).toEqual({ result: text, normalised: false });
    }
  });

  it('returns text that is already NFC unchanged; kana, kanji and full-width forms skip the normaliser', () => {
    for (const text of [
      '医療法人社団 青柳皮膚科医院',
      'ガギグゲゴ がぎぐげご ゔ ヴ',
      '「退会」、2024年10月31日。〜・ー',
      'ＡＢＣ１２３ ｶﾞｷﾞ',
      'Café Müller', // Latin-1 letters are already composed
      '䶵', // CJK extension A
    ]) {
      expect(text.normalize('NFC')).toBe(text);
      expect(nfcWithPath(text)).toEqual({ result: text, normalised: false });
    }
  });

  it('sends text outside the fast ranges to the normaliser, which leaves NFC text as it is', () => {
    for (const text of ['Ωμέγα', '𠮷野家', '한국어', '①②', '退会\u3099']) {
      expect(nfcWithPath(text)).toEqual({ result: text.normalize('NFC'), normalised: true });
    }
    expect(toNfc('Ωμέγα')).toBe('Ωμέγα');
    expect(toNfc('𠮷野家')).toBe('𠮷野家');
  });

  it('composes a decomposed ガ (カ + U+3099) and が (か + U+3099)', () => {
    expect(nfcWithPath('カ\u3099')).toEqual({ result: 'ガ', normalised: true });
    expect(toNfc('カ\u3099')).toHaveLength(1);
    expect(toNfc('カ\u3099').codePointAt(0)).toBe(0x30ac);
    expect(toNfc('会員：か\u3099くせい')).toBe('会員：がくせい');
    expect(toNfc('ハ\u309Aン')).toBe('パン');
  });

  it('composes a decomposed Latin letter even when everything else is ASCII', () => {
    expect(nfcWithPath('Cafe\u0301')).toEqual({ result: 'Café', normalised: true });
  });

  it('changes characters in the BMP whose NFC form differs (compatibility ideographs, the ångström sign)', () => {
    expect(toNfc('\uf900')).toBe('\u8c48');
    expect(toNfc('\u212b')).toBe('\u00c5');
    expect(toNfc('\u2126')).toBe('\u03a9');
  });

  it('sends exactly the code units outside the fast ranges to the normaliser', () => {
    const fast = [
      [0x0000, 0x02ff],
      [0x3000, 0x3029],
      [0x3030, 0x3096],
      [0x309b, 0x30ff],
      [0x3400, 0x4dbf],
      [0x4e00, 0x9fff],
      [0xff01, 0xffef],
    ];
    const normalize = vi.spyOn(String.prototype, 'normalize');
    try {
      const wrong: number[] = [];
      for (let code = 0; code <= 0xffff; code++) {
        const before = normalize.mock.calls.length;
        toNfc(`a${String.fromCharCode(code)}b`);
        const normalised = normalize.mock.calls.length > before;
        if (normalised === fast.some(([from, to]) => code >= from! && code <= to!)) wrong.push(code);
      }
      expect(wrong).toEqual([]);
    } finally {
      normalize.mockRestore();
    }
  });

  it('agrees with String.prototype.normalize on any text', () => {
    // Code points at the edges of every fast range, and marks that compose with what precedes them.
    const edges = [
      0x41, 0x2ff, 0x300, 0x301, 0x2fff, 0x3000, 0x3029, 0x302a, 0x302f, 0x3030, 0x304b, 0x3094, 0x3096, 0x3097, 0x3099,
      0x309a, 0x309b, 0x30ab, 0x30cf, 0x30ff, 0x3100, 0x33ff, 0x3400, 0x4dbf, 0x4dc0, 0x4dff, 0x4e00, 0x9fff, 0xa000,
      0xac00, 0x1100, 0x1161, 0x11a8, 0xf900, 0xfa0e, 0xff00, 0xff01, 0xff76, 0xff9e, 0xffef, 0xfff0,
    ].map((code) => String.fromCodePoint(code));
    const sameAsNormaliser = (text: string) => toNfc(text) === text.normalize('NFC');
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...edges), maxLength: 12 }), sameAsNormaliser), {
      numRuns: 2000,
    });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 24 }), sameAsNormaliser), { numRuns: 2000 });
  });
});
