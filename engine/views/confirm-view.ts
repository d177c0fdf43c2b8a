import type { Localized } from '../definition/form-definition.js';

/** One association of a targets row, with its layer (3 = city, 2 = prefecture, 1 = national). */
export interface ConfirmTarget {
  readonly id: string;
  readonly layer: number;
  readonly name: Localized;
}

export type ConfirmRow =
  | {
      readonly kind: 'value';
      readonly field: string;
      readonly label: Localized;
      readonly value: Localized;
      /** True when nothing was entered; the value then says so. */
      readonly empty: boolean;
    }
  | { readonly kind: 'list'; readonly field: string; readonly label: Localized; readonly values: readonly Localized[] }
  | {
      readonly kind: 'targets';
      readonly field: string;
      readonly label: Localized;
      readonly role: 'leave' | 'join' | undefined;
      readonly facility: Localized | undefined;
      readonly targets: readonly ConfirmTarget[];
    };

export interface ConfirmSection {
  readonly stepId: string;
  readonly title: Localized;
  readonly rows: readonly ConfirmRow[];
}

/**
 * What the member confirms, derived from definition and data: the confirm step shows it, the
 * application stores it, and the mail renders it. Texts are in every locale so one stored view
 * serves a Japanese office and an English-reading member alike.
 */
export interface ConfirmView {
  readonly formId: string;
  readonly version: number;
  readonly title: Localized;
  readonly sections: readonly ConfirmSection[];
}
