import type { Locale } from '../../engine/browser.js';

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

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const JA: ChromeText = {
  loading: '読み込み中…',
  loadFailed: '申請フォームを読み込めませんでした。時間をおいて再度お試しください。',
  next: '次へ',
  toConfirm: '確認画面に進む',
  back: '戻る',
  leave: '申請をやめる',
  edit: '修正',
  editSection: (section) => `${section}を修正`,
  submit: '申請する',
  resubmit: '修正内容で申請する',
  submitting: '送信中…',
  required: '必須',
  errorSummaryTitle: '入力内容に誤りがあります',
  errorSummaryCount: (count) => `${count}件の項目を確認してください。`,
  stepStatus: (number, total, title) => `（ステップ ${number}/${total}：${title}）`,
  stepperLabel: '申請の手順',
  stepDone: '完了',
  facility: '所属施設名',
  colon: '：',
  layerTag: (layerLabel) => `[${layerLabel}]`,
  noChoices: '選択できる項目がありません',
  chooseFirst: (label) => `先に「${label}」を選択してください`,
  selectPlaceholder: '選択してください',
  calendarOpen: (label) => `${label}をカレンダーから選択`,
  calendarPrevious: '前の月',
  calendarNext: '次の月',
  calendarMonth: (year, month) => `${year}年${month}月`,
  calendarDay: (year, month, day, weekday) => `${year}年${month}月${day}日（${weekday}）`,
  weekdays: ['日', '月', '火', '水', '木', '金', '土'],
  resumeTitle: '前回の入力内容があります。続きから再開しますか？',
  resumeSaved: (at) => `保存日時：${at}`,
  resume: '続きから再開する',
  discard: '破棄して最初から入力する',
  submitFailed: '申請を送信できませんでした。',
  networkFailed: '通信に失敗しました。接続を確認して、もう一度お試しください。',
  statusTitle: '申請ステータス',
  noApplications: '現在、申請はありません',
  delete: '削除',
  deleteTitle: 'この申請を削除しますか？',
  deleteBody: '削除すると、各医師会への申請は取下げとなります。',
  deleteConfirm: '削除する',
  cancel: 'キャンセル',
  historyTitle: '医師会入退会履歴',
  historyAssociation: '医師会',
  historyLayer: '階層',
  historyStarted: '入会日',
  historyEnded: '退会日',
  historyCurrent: '在籍中',
  noHistory: '入退会の履歴はありません',
  returnComment: '事務局からのコメント',
};

const EN: ChromeText = {
  loading: 'Loading…',
  loadFailed: 'The form could not be loaded. Please try again later.',
  next: 'Next',
  toConfirm: 'Go to confirmation',
  back: 'Back',
  leave: 'Leave this form',
  edit: 'Edit',
  editSection: (section) => `Edit ${section}`,
  submit: 'Apply',
  resubmit: 'Apply with these changes',
  submitting: 'Sending…',
  required: 'Required',
  errorSummaryTitle: 'There is a problem',
  errorSummaryCount: (count) => `Please check ${count} ${count === 1 ? 'field' : 'fields'}.`,
  stepStatus: (number, total, title) => ` (step ${number} of ${total}: ${title})`,
  stepperLabel: 'Steps of the application',
  stepDone: 'Done',
  facility: 'Facility',
  colon: ': ',
  layerTag: (layerLabel) => `[${layerLabel}]`,
  noChoices: 'There is nothing to choose from',
  chooseFirst: (label) => `Choose “${label}” first`,
  selectPlaceholder: 'Choose',
  calendarOpen: (label) => `Choose ${label} from a calendar`,
  calendarPrevious: 'Previous month',
  calendarNext: 'Next month',
  calendarMonth: (year, month) => `${MONTHS_EN[month - 1]} ${year}`,
  calendarDay: (year, month, day, weekday) => `${weekday}, ${day} ${MONTHS_EN[month - 1]} ${year}`,
  weekdays: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
  resumeTitle: 'You have an unfinished application. Continue where you left off?',
  resumeSaved: (at) => `Saved ${at}`,
  resume: 'Continue',
  discard: 'Discard and start again',
  submitFailed: 'The application could not be sent.',
  networkFailed: 'The connection failed. Check it and try again.',
  statusTitle: 'Application status',
  noApplications: 'There are no applications at present',
  delete: 'Delete',
  deleteTitle: 'Delete this application?',
  deleteBody: 'Deleting it withdraws the application from every association.',
  deleteConfirm: 'Delete',
  cancel: 'Cancel',
  historyTitle: 'Membership history',
  historyAssociation: 'Association',
  historyLayer: 'Layer',
  historyStarted: 'Joined',
  historyEnded: 'Left',
  historyCurrent: 'Current',
  noHistory: 'No membership history',
  returnComment: 'Comment from the office',
};

const CATALOGUE: Readonly<Record<Locale, ChromeText>> = { ja: JA, en: EN };

export function chromeText(locale: Locale): ChromeText {
  return CATALOGUE[locale];
}
