/**
 * Text in Unicode NFC. `String.prototype.normalize` is slow even when nothing changes, and
 * nearly everything members type (ASCII, kana, kanji, full-width forms) cannot change: such
 * text is returned as it is, anything else goes through the normaliser.
 */
export function toNfc(text: string): string {
  for (let index = 0; index < text.length; index++) {
    if (!isStableStarter(text.charCodeAt(index))) return text.normalize('NFC');
  }
  return text;
}

/**
 * True for characters NFC leaves alone whatever surrounds them: no decomposition that NFC
 * would change, combining class 0, and never composed with the character before them. The
 * ranges leave out the combining marks among them: U+302A–U+302F (ideographic tone marks) and
 * U+3099–U+309A (the combining voiced sound marks). Surrogates fall outside, so text beyond
 * the BMP takes the normaliser.
 */
function isStableStarter(code: number): boolean {
  if (code < 0x300) return true; // Basic Latin and Latin-1: the first combining mark is U+0300.
  if (code < 0x3000) return false;
  if (code <= 0x3029) return true; // CJK symbols and punctuation (、。「」〜)
  if (code < 0x3030) return false;
  if (code <= 0x3096) return true; // more CJK punctuation, hiragana
  if (code < 0x309b) return false;
  if (code <= 0x30ff) return true; // spacing sound marks, katakana, ー・
  if (code < 0x3400) return false;
  if (code <= 0x4dbf) return true; // CJK extension A
  if (code < 0x4e00) return false;
  if (code <= 0x9fff) return true; // CJK unified ideographs
  return code >= 0xff01 && code <= 0xffef; // full-width ASCII, half-width kana
}
