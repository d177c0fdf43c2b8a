import type { ConfirmView, FormDefinition, Localized, ResolvedSources } from '../../engine/browser.js';

/** The HTTP API as the components use it; only the fields they read. */

/** `GET /api/forms/:id` */
export interface FormResponse {
  readonly form: {
    readonly id: string;
    readonly version: number;
    readonly hash: string;
    readonly definition: FormDefinition;
  };
  readonly validatorUrl: string;
  readonly sources: ResolvedSources;
  readonly today: string;
}

export type TargetStatus = 'submitted' | 'in_review' | 'approved' | 'returned' | 'withdrawn';

export interface ApplicationTarget {
  readonly associationId: string;
  readonly name: Localized;
  readonly layer: number;
  readonly role: 'leave' | 'join';
  readonly status: TargetStatus;
  readonly statusLabel: Localized;
  readonly comment: string | null;
}

export interface ApplicationView {
  readonly id: string;
  readonly formId: string;
  readonly formVersion: number;
  readonly formTitle: Localized;
  readonly status: 'open' | 'complete' | 'withdrawn';
  readonly editable: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly facility: Localized | null;
  readonly confirmView: ConfirmView;
  readonly targets: readonly ApplicationTarget[];
  /** The submitted data, when the server includes it: 修正 starts from it. */
  readonly data?: Readonly<Record<string, unknown>>;
}

export interface HistoryEntry {
  readonly associationId: string;
  readonly name: Localized;
  readonly layer: number;
  readonly facility: Localized;
  readonly startedOn: string;
  readonly endedOn: string | null;
}

export interface Draft {
  readonly formId: string;
  readonly version: number;
  readonly stepId: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly updatedAt: string;
}

/** One field problem the server found, by JSON pointer into the submitted data. */
export interface ApiFieldProblem {
  readonly pointer: string;
  readonly message: string;
}
