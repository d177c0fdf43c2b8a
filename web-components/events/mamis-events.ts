import type { ConfirmView, StepType } from '../../engine/browser.js';
import type { ApplicationView } from '../api/api-types.js';

/** `mamis-submitted`: the application was accepted (or, with no API, is ready for the host to send). */
export interface MamisSubmittedDetail {
  readonly formId: string;
  readonly version: number;
  /** The server's record; null when the form runs without an API and the host sends `data` itself. */
  readonly application: ApplicationView | null;
  /** The normalised data: ISO dates, hidden fields dropped, cascades applied. */
  readonly data: Readonly<Record<string, unknown>>;
  readonly confirmView: ConfirmView;
}

/** `mamis-step-change`: the form moved to another step. */
export interface MamisStepChangeDetail {
  readonly formId: string;
  readonly stepId: string;
  readonly stepType: StepType;
  readonly index: number;
  readonly previousStepId: string | undefined;
}

/** `mamis-cancel`: the member chose to leave the form (入会を継続する, 申請をやめる). */
export interface MamisCancelDetail {
  readonly formId: string;
  readonly stepId: string;
}

/** `mamis-edit`: 修正 was pressed on an application in the status panel. */
export interface MamisEditDetail {
  readonly application: ApplicationView;
}

/** `mamis-deleted`: an application was deleted (its targets are now 取下げ). */
export interface MamisDeletedDetail {
  readonly application: ApplicationView;
}

/** `mamis-date-select`: a day was picked in `<mamis-calendar>`. */
export interface MamisDateSelectDetail {
  /** `YYYY-MM-DD` */
  readonly date: string;
}

export interface MamisEventMap {
  'mamis-submitted': CustomEvent<MamisSubmittedDetail>;
  'mamis-step-change': CustomEvent<MamisStepChangeDetail>;
  'mamis-cancel': CustomEvent<MamisCancelDetail>;
  'mamis-edit': CustomEvent<MamisEditDetail>;
  'mamis-deleted': CustomEvent<MamisDeletedDetail>;
  'mamis-date-select': CustomEvent<MamisDateSelectDetail>;
}

type DetailOf<K extends keyof MamisEventMap> = MamisEventMap[K] extends CustomEvent<infer D> ? D : never;

/** Dispatches a typed event that bubbles out of shadow roots to the host page. */
export function emit<K extends keyof MamisEventMap>(target: EventTarget, type: K, detail: DetailOf<K>): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

declare global {
  interface HTMLElementEventMap extends MamisEventMap {}
}
