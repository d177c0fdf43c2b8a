import type { Locale } from '../../engine/browser.js';

/** The studio's own words, Japanese first. Form texts come from the definition being edited. */
export interface StudioText {
  readonly title: string;
  readonly form: string;
  readonly current: (version: number) => string;
  readonly history: (count: number) => string;
  readonly publishedLine: (version: number, at: string, by: string) => string;
  readonly editor: string;
  readonly editorHint: string;
  readonly loading: string;
  readonly loadFailed: string;
  readonly checking: string;
  readonly checkFailed: string;
  readonly issuesCount: (count: number) => string;
  readonly noIssues: string;
  readonly notJson: (reason: string) => string;
  readonly tabs: { readonly preview: string; readonly confirm: string; readonly issues: string; readonly mail: string };
  readonly panelsLabel: string;
  readonly testData: string;
  readonly noTestData: string;
  readonly testMember: string;
  readonly sampleMember: (name: string) => string;
  readonly today: string;
  readonly fromFields: string;
  readonly previewStale: string;
  readonly previewWaiting: string;
  readonly dataErrors: string;
  readonly dataValid: string;
  readonly confirmWaiting: string;
  readonly issuesIntro: string;
  readonly templateFile: string;
  readonly mailTemplate: string;
  readonly mailLocale: string;
  readonly renderMail: string;
  readonly rendering: string;
  readonly noHooks: string;
  readonly subject: string;
  readonly textBody: string;
  readonly htmlBody: string;
  readonly openHtml: string;
  readonly publish: string;
  readonly publishTitle: string;
  readonly publishBody: (version: number) => string;
  readonly publishConfirm: (version: number) => string;
  readonly cancel: string;
  readonly publishing: string;
  readonly published: (version: number) => string;
  readonly publishRefused: string;
  readonly localeNames: { readonly ja: string; readonly en: string };
}

const JA: StudioText = {
  title: 'フォームスタジオ',
  form: 'フォーム',
  current: (version) => `公開中: バージョン${version}`,
  history: (count) => `公開履歴（${count}件）`,
  publishedLine: (version, at, by) => `バージョン${version}　${at}　${by}`,
  editor: '定義（JSON）',
  editorHint: 'Ctrl+Space で補完、キーにマウスを重ねると説明が出ます。',
  loading: '読み込み中…',
  loadFailed: '読み込めませんでした。再読み込みしてください。',
  checking: 'チェック中…',
  checkFailed: 'チェックを実行できませんでした。',
  issuesCount: (count) => `問題 ${count}件`,
  noIssues: '問題はありません',
  notJson: (reason) => `JSON として読めません: ${reason}。カンマや括弧を確認してください。`,
  tabs: { preview: 'プレビュー', confirm: '確認画面', issues: 'チェック結果', mail: 'メール' },
  panelsLabel: '定義の確認',
  testData: 'テストデータ',
  noTestData: 'なし（空の入力）',
  testMember: 'テスト会員',
  sampleMember: (name) => `${name}（見本・例データ用）`,
  today: '基準日',
  fromFields: '入力画面から表示',
  previewStale: '今の定義はチェックを通らないため、最後に通った定義で表示しています。',
  previewWaiting: 'チェックを通った定義がまだありません。チェック結果を確認してください。',
  dataErrors: 'テストデータの誤り（サーバーの判定）',
  dataValid: 'テストデータはすべての規則を満たしています（サーバーの判定）。',
  confirmWaiting: '定義がチェックを通ると、確認画面がここに表示されます。',
  issuesIntro: '問題をクリックすると、エディタのその箇所に移動します。',
  templateFile: 'テンプレート',
  mailTemplate: 'テンプレート',
  mailLocale: '言語',
  renderMail: 'メールを表示',
  rendering: '作成中…',
  noHooks: 'この定義の mail にはテンプレートがありません。',
  subject: '件名',
  textBody: 'テキスト本文',
  htmlBody: 'HTML本文',
  openHtml: '新しいタブで開く',
  publish: '公開…',
  publishTitle: '新しいバージョンを公開',
  publishBody: (version) => `バージョン${version}として公開します。公開後は会員の新しい申請に使われます。`,
  publishConfirm: (version) => `バージョン${version}を公開する`,
  cancel: 'キャンセル',
  publishing: '公開中…',
  published: (version) => `バージョン${version}を公開しました。これまでの申請は元のバージョンのまま表示されます。`,
  publishRefused: '公開できませんでした。',
  localeNames: { ja: '日本語', en: '英語' },
};

const EN: StudioText = {
  title: 'Form studio',
  form: 'Form',
  current: (version) => `Published: version ${version}`,
  history: (count) => `Published versions (${count})`,
  publishedLine: (version, at, by) => `Version ${version}  ${at}  ${by}`,
  editor: 'Definition (JSON)',
  editorHint: 'Ctrl+Space completes; hover a key for its description.',
  loading: 'Loading…',
  loadFailed: 'Could not load. Reload the page.',
  checking: 'Checking…',
  checkFailed: 'The check could not run.',
  issuesCount: (count) => `${count} problem${count === 1 ? '' : 's'}`,
  noIssues: 'No problems',
  notJson: (reason) => `Not valid JSON: ${reason}. Check commas and brackets.`,
  tabs: { preview: 'Preview', confirm: 'Confirm view', issues: 'Check', mail: 'Mail' },
  panelsLabel: 'Inspect the definition',
  testData: 'Test data',
  noTestData: 'None (empty)',
  testMember: 'Test member',
  sampleMember: (name) => `${name} (sample, for the examples)`,
  today: 'Today',
  fromFields: 'Start at the first fields step',
  previewStale: 'The current definition fails its check; showing the last one that passed.',
  previewWaiting: 'No definition has passed the check yet. See the check results.',
  dataErrors: "Problems in the test data (the server's verdict)",
  dataValid: "The test data meets every rule (the server's verdict).",
  confirmWaiting: 'Once the definition passes its check, its confirm view appears here.',
  issuesIntro: 'Click a problem to go to it in the editor.',
  templateFile: 'Template',
  mailTemplate: 'Template',
  mailLocale: 'Language',
  renderMail: 'Show the mail',
  rendering: 'Rendering…',
  noHooks: 'The mail of this definition names no template.',
  subject: 'Subject',
  textBody: 'Text body',
  htmlBody: 'HTML body',
  openHtml: 'Open in a new tab',
  publish: 'Publish…',
  publishTitle: 'Publish a new version',
  publishBody: (version) => `This publishes version ${version}. New applications from members will use it.`,
  publishConfirm: (version) => `Publish version ${version}`,
  cancel: 'Cancel',
  publishing: 'Publishing…',
  published: (version) => `Version ${version} is published. Earlier applications keep showing their own version.`,
  publishRefused: 'Could not publish.',
  localeNames: { ja: 'Japanese', en: 'English' },
};

export function studioText(locale: Locale): StudioText {
  return locale === 'en' ? EN : JA;
}
