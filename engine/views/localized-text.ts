import type { Localized } from '../definition/form-definition.js';

/** The same text in every locale, for what members typed. */
export function verbatim(text: string): Localized {
  return { ja: text, en: text };
}

/** The layer of an association as the manual writes it: 3層 / Layer 3. */
export function layerLabel(layer: number): Localized {
  return { ja: `${layer}層`, en: `Layer ${layer}` };
}

export const NOT_ENTERED: Localized = { ja: '（未入力）', en: '(not entered)' };
export const YES: Localized = { ja: 'はい', en: 'Yes' };
export const NO: Localized = { ja: 'いいえ', en: 'No' };
