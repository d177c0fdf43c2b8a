import { isLastLeftAlone } from './nfc.js';

/**
 * The `maxCharacters` keyword: a length as a person counts it. Full-width and half-width
 * characters count one each; a character written as a base letter plus a combining mark counts
 * once (NFC); characters outside the BMP (𠮷) count once, not twice as UTF-16 would.
 */
export function countCharacters(text: string): number {
  return countCodePoints(text.normalize('NFC'));
}

/** For text the pipeline has already put in NFC. */
export function exceedsMaxCharacters(nfcText: string, limit: number): boolean {
  // Code points never outnumber UTF-16 units, so short strings need no count.
  if (nfcText.length <= limit) return false;
  // Text without surrogates has as many characters as units.
  if (isLastLeftAlone(nfcText)) return true;
  // Without a high surrogate every unit is a character: a native scan for one beats the count.
  if (!HIGH_SURROGATE.test(nfcText)) return true;
  return countCodePoints(nfcText) > limit;
}

const HIGH_SURROGATE = /[\ud800-\udbff]/;

/** Code points in a string as it stands (Ajv's `maxLength` counts the same way). */
export function countCodePoints(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    // A high surrogate followed by a low one is one character.
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) index++;
    }
    count++;
  }
  return count;
}
