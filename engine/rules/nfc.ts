/**
 * Text in Unicode NFC. `String.prototype.normalize` is slow even when nothing changes, and
 * nearly everything members type (ASCII, kana, kanji, full-width forms) cannot change: such
 * text is returned as it is, anything else goes through the normaliser.
 */
export function toNfc(text: string): string {
  if (MAY_CHANGE.test(text)) return text.normalize('NFC');
  lastLeftAlone = text;
  return text;
}

/**
 * Whether `text` reads the same as the text `toNfc` last left alone. Such text has no surrogates
 * (the class below sends them to the normaliser), so each of its UTF-16 units is one character:
 * a rule counting the characters of a field's text just normalised, nearly always that text
 * itself, need not scan it again.
 */
export function isLastLeftAlone(text: string): boolean {
  return text === lastLeftAlone;
}

let lastLeftAlone = '';

/**
 * A code unit outside the characters NFC leaves alone whatever surrounds them (no decomposition
 * that NFC would change, combining class 0, never composed with the character before them).
 * Those are: Basic Latin and Latin-1 (U+0300 is the first combining mark); CJK symbols and
 * punctuation (、。「」〜) up to U+3029; more CJK punctuation and hiragana from U+3030; the
 * spacing sound marks, katakana and ー・ from U+309B; CJK extension A; CJK unified ideographs;
 * full-width ASCII and half-width kana. So the class holds what lies between them, including
 * the combining marks U+302A–U+302F (ideographic tone marks) and U+3099–U+309A (the combining
 * voiced sound marks), and the surrogates: text beyond the BMP takes the normaliser.
 *
 * One character class rather than a loop over char codes: V8 scans a string for a class
 * natively, about twice as fast on a text of a few dozen characters and no slower on short ones.
 */
const MAY_CHANGE = /[\u0300-\u2fff\u302a-\u302f\u3097-\u309a\u3100-\u33ff\u4dc0-\u4dff\ua000-\uff00\ufff0-\uffff]/;
