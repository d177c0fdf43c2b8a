/**
 * The demo seed's people the browser suites sign in as (all with the password demo1234).
 * Ids as the seed writes them; the suites' expectations name the same groups and associations.
 */

/** The manual's member 日医 太郎: 青柳皮膚科医院 (小樽市 → 北海道 → 日本) and 千代田丸の内クリニック (千代田区 → 東京都). */
export const TARO = {
  login: '123456',
  memberId: 'member-123456',
  aoyagi: 'group-123456-aoyagi',
  chiyoda: 'group-123456-chiyoda',
} as const;

/** 研修 次郎, a resident with no membership yet: every chain is open to him. */
export const JIRO = { login: '567890', memberId: 'member-567890' } as const;

/** The office accounts of the associations in 日医 太郎's Hokkaido group. */
export const OFFICES = {
  otaru: { login: 'otaru-office', associationId: 'city-otaru' },
  hokkaido: { login: 'hokkaido-office', associationId: 'pref-01' },
  jma: { login: 'jma-office', associationId: 'jma' },
} as const;
