/** A notice of the お知らせ panel. */
export interface Notice {
  readonly id: string;
  /** `YYYY-MM-DD` */
  readonly date: string;
  readonly title: string;
  readonly body: string;
}

/**
 * The demo notices. A real deployment would let staff publish these; until then the portal
 * shows what a member would typically read here, newest first.
 */
export const DEMO_NOTICES: readonly Notice[] = [
  {
    id: 'manual-withdrawal',
    date: '2026-11-20',
    title: 'MAMIS操作マニュアル（退会届）を掲載しました',
    body: 'マイページTOPの「退会届」から、退会の申請をオンラインで行えるようになりました。申請後の状況は「申請ステータス」でご確認いただけます。',
  },
  {
    id: 'year-end',
    date: '2026-11-10',
    title: '年末年始の事務局休業について',
    body: '2026/12/28から2027/01/05まで、各医師会事務局は休業となります。期間中の申請は受け付けますが、審査は休業明けとなります。',
  },
  {
    id: 'qualification-card',
    date: '2026-10-15',
    title: '医師資格証の更新手続きについて',
    body: '有効期限が近い医師資格証をお持ちの方には、更新のご案内をお送りしています。更新料は日本医師会会員の方は無料です。',
  },
  {
    id: 'maintenance',
    date: '2026-10-01',
    title: 'システムメンテナンスのお知らせ',
    body: '2026/10/12 1:00から5:00まで、システムメンテナンスのため MAMIS をご利用いただけません。',
  },
];
