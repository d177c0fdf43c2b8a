/** Demo members, their groups (affiliation chains with a facility) and membership history. */

export interface MembershipSeed {
  readonly associationId: string;
  readonly startedOn: string;
  readonly endedOn?: string;
}

export interface GroupSeed {
  readonly id: string;
  readonly facility: string;
  readonly facilityEn: string;
  readonly memberships: readonly MembershipSeed[];
}

export interface MemberSeed {
  readonly id: string;
  /** 医籍登録番号, also the member's login. */
  readonly registrationNumber: string;
  readonly name: string;
  readonly nameKana: string;
  readonly birthDate: string;
  readonly email: string;
  readonly locale: 'ja' | 'en';
  readonly groups: readonly GroupSeed[];
}

const all = (associationIds: readonly string[], startedOn: string, endedOn?: string): MembershipSeed[] =>
  associationIds.map((associationId) => ({ associationId, startedOn, ...(endedOn ? { endedOn } : {}) }));

export const MEMBERS: readonly MemberSeed[] = [
  {
    // The manual's member: 日本医師会 20年以上, group 医療法人社団 青柳皮膚科医院.
    id: 'member-123456',
    registrationNumber: '123456',
    name: '日医 太郎',
    nameKana: 'ニチイ タロウ',
    birthDate: '1968-05-12',
    email: 'taro@example.jp',
    locale: 'ja',
    groups: [
      {
        id: 'group-123456-aoyagi',
        facility: '医療法人社団 青柳皮膚科医院',
        facilityEn: 'Aoyagi Dermatology Clinic',
        memberships: all(['city-otaru', 'pref-01', 'jma'], '2003-04-01'),
      },
      {
        id: 'group-123456-chiyoda',
        facility: '千代田丸の内クリニック',
        facilityEn: 'Chiyoda Marunouchi Clinic',
        memberships: all(['city-chiyoda', 'pref-13'], '2015-10-01'),
      },
      {
        // Residency years in Sapporo: ended, so it shows in the history only.
        id: 'group-123456-sapporo',
        facility: '札幌中央病院',
        facilityEn: 'Sapporo Central Hospital',
        memberships: all(['city-sapporo'], '1996-04-01', '2003-03-31'),
      },
    ],
  },
  {
    id: 'member-234567',
    registrationNumber: '234567',
    name: '新宿 花子',
    nameKana: 'シンジュク ハナコ',
    birthDate: '1975-11-03',
    email: 'hanako@example.jp',
    locale: 'ja',
    groups: [
      {
        id: 'group-234567-shinjuku',
        facility: '新宿ファミリークリニック',
        facilityEn: 'Shinjuku Family Clinic',
        memberships: all(['city-shinjuku', 'pref-13', 'jma'], '2012-10-01'),
      },
    ],
  },
  {
    id: 'member-345678',
    registrationNumber: '345678',
    name: '港 健一',
    nameKana: 'ミナト ケンイチ',
    birthDate: '1980-02-20',
    email: 'kenichi@example.jp',
    locale: 'ja',
    groups: [
      {
        id: 'group-345678-yokohama',
        facility: '横浜みなと病院',
        facilityEn: 'Yokohama Minato Hospital',
        memberships: all(['city-yokohama', 'pref-14', 'jma'], '2019-04-01'),
      },
    ],
  },
  {
    // Reads English: mail and messages in English.
    id: 'member-456789',
    registrationNumber: '456789',
    name: 'Emily Carter',
    nameKana: 'カーター エミリー',
    birthDate: '1985-07-08',
    email: 'emily@example.org',
    locale: 'en',
    groups: [
      {
        id: 'group-456789-kobe',
        facility: '神戸国際クリニック',
        facilityEn: 'Kobe International Clinic',
        memberships: all(['city-kobe', 'pref-28', 'jma'], '2021-04-01'),
      },
    ],
  },
  {
    // A resident who has not joined yet: the enrollment demo.
    id: 'member-567890',
    registrationNumber: '567890',
    name: '研修 次郎',
    nameKana: 'ケンシュウ ジロウ',
    birthDate: '1998-09-15',
    email: 'jiro@example.jp',
    locale: 'ja',
    groups: [],
  },
];

/** Every demo account's password. */
export const DEMO_PASSWORD = 'demo1234';

/** The staff account that looks after form definitions. */
export const STAFF_LOGIN = 'staff';
