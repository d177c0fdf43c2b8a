import type { Locale } from '../../engine/browser.js';
import { CHROME_TEXT_EN } from './chrome-text-en.js';
import { CHROME_TEXT_JA } from './chrome-text-ja.js';

/**
 * The components' own words (buttons, headings, status texts), Japanese first as the manual
 * writes them. Form texts (labels, options, step titles) come from the definition instead.
 */
export interface ChromeText {
  readonly loading: string;
  readonly loadFailed: string;
  readonly next: string;
  readonly toConfirm: string;
  readonly back: string;
  readonly leave: string;
  readonly edit: string;
  readonly editSection: (section: string) => string;
  readonly submit: string;
  readonly resubmit: string;
  readonly submitting: string;
  readonly required: string;
  readonly errorSummaryTitle: string;
  readonly errorSummaryCount: (count: number) => string;
  readonly stepStatus: (number: number, total: number, title: string) => string;
  readonly stepperLabel: string;
  readonly stepDone: string;
  readonly facility: string;
  /** Between a label and its value: 所属施設名：…, Facility: … */
  readonly colon: string;
  readonly layerTag: (layerLabel: string) => string;
  readonly noChoices: string;
  readonly chooseFirst: (label: string) => string;
  readonly selectPlaceholder: string;
  readonly calendarOpen: (label: string) => string;
  readonly calendarPrevious: string;
  readonly calendarNext: string;
  readonly calendarMonth: (year: number, month: number) => string;
  readonly calendarDay: (year: number, month: number, day: number, weekday: string) => string;
  readonly weekdays: readonly string[];
  readonly resumeTitle: string;
  readonly resumeSaved: (at: string) => string;
  readonly resume: string;
  readonly discard: string;
  readonly submitFailed: string;
  readonly networkFailed: string;
  readonly statusTitle: string;
  readonly noApplications: string;
  readonly delete: string;
  readonly deleteTitle: string;
  readonly deleteBody: string;
  readonly deleteConfirm: string;
  readonly cancel: string;
  readonly historyTitle: string;
  readonly historyAssociation: string;
  readonly historyLayer: string;
  readonly historyStarted: string;
  readonly historyEnded: string;
  readonly historyCurrent: string;
  readonly noHistory: string;
  readonly returnComment: string;
}

const CATALOGUE: Readonly<Record<Locale, ChromeText>> = { ja: CHROME_TEXT_JA, en: CHROME_TEXT_EN };

export function chromeText(locale: Locale): ChromeText {
  return CATALOGUE[locale];
}
