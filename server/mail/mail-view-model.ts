import type { Locale, MailEvent } from '../../engine/index.js';

/**
 * What a mail template sees: built only from the engine's confirm view and the application
 * record (`ApplicationMailInput`), every text already in the recipient's locale. Keys are always
 * present (null or empty when there is nothing to say), so a template never meets `undefined`.
 * `mailModelShape` describes the same tree for the template check; a test keeps them in step.
 */
export interface MailViewModel {
  readonly locale: Locale;
  readonly event: MailEvent;
  readonly recipient: 'member' | 'office';
  /** True in mail to an office, for the few words that differ (マイページ vs 事務局画面). */
  readonly toOffice: boolean;
  readonly portal: { readonly name: string; readonly url: string | null };
  readonly member: { readonly name: string; readonly registrationNumber: string; readonly email: string };
  readonly application: MailApplication;
  readonly confirm: { readonly title: string; readonly sections: readonly MailSection[] };
  /** Every field a fields step asks, by name, whether or not the confirm view shows it. */
  readonly fields: Readonly<Record<string, MailField>>;
  /** The associations the application is addressed to, with their state after this change. */
  readonly targets: readonly MailTarget[];
  /** The offices a member may contact about this mail: the deciding one, else every target's. */
  readonly contacts: readonly MailContact[];
  /** For in-review, approved and returned: the association that decided and its comment. */
  readonly decision: MailDecision | null;
  /** For mail to an office: the office it is addressed to. */
  readonly office: MailContact | null;
}

export interface MailApplication {
  readonly id: string;
  readonly formId: string;
  readonly formVersion: number;
  readonly formTitle: string;
  /** The day it was filed, in Japan, as yyyy/mm/dd. */
  readonly createdAt: string;
  /** True when every target has approved it. */
  readonly complete: boolean;
}

export interface MailSection {
  readonly title: string;
  readonly rows: readonly MailRow[];
}

/** One confirm-view row. Every row has every key so one partial can render any kind. */
export interface MailRow {
  readonly field: string;
  readonly label: string;
  /** The value as one line: a list or the targets joined with 、 (ja) or , (en). */
  readonly value: string;
  readonly empty: boolean;
  readonly isValue: boolean;
  readonly isList: boolean;
  readonly isTargets: boolean;
  readonly values: readonly string[];
  readonly facility: string | null;
  readonly targets: readonly MailConfirmTarget[];
}

export interface MailConfirmTarget {
  readonly name: string;
  readonly layer: number;
  /** 3層 / Layer 3 */
  readonly layerLabel: string;
}

/** A field by name. `values` only for checkboxes; `facility` and `targets` only for association layers. */
export interface MailField {
  readonly label: string;
  readonly value: string;
  /** False when the field was hidden by its condition (e.g. その他の退会事由 when the reason is not その他). */
  readonly shown: boolean;
  readonly empty: boolean;
  readonly values?: readonly string[];
  readonly facility?: string | null;
  readonly targets?: readonly MailConfirmTarget[];
}

export interface MailTarget {
  readonly associationId: string;
  readonly name: string;
  readonly layer: number;
  readonly layerLabel: string;
  readonly officeEmail: string;
  readonly role: string;
  /** 退会 / 入会 */
  readonly roleLabel: string;
  readonly status: string;
  /** 申請 / 申請中 / 承認 / 差戻し / 取下げ */
  readonly statusLabel: string;
  readonly comment: string | null;
}

export interface MailContact {
  readonly associationId: string;
  readonly name: string;
  readonly layerLabel: string;
  readonly email: string;
}

export interface MailDecision {
  readonly associationId: string;
  /** The name of the deciding association. */
  readonly association: string;
  readonly layerLabel: string;
  readonly officeEmail: string;
  readonly roleLabel: string;
  readonly statusLabel: string;
  readonly comment: string | null;
}
