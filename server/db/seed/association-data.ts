/** The demo association tree: 日本医師会, the 47 prefectural associations, a dozen cities. */

export interface AssociationSeed {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  readonly layer: 1 | 2 | 3;
  readonly parentId: string | null;
  readonly prefectureCode: number | null;
  /** The short name of the office login (`<short>-office`) and mail domain. */
  readonly short: string;
}

export const NATIONAL_ID = 'jma';

/** Prefectures in JIS X 0401 order: association name, English name, short name. */
const PREFECTURES: readonly (readonly [string, string, string])[] = [
  ['北海道医師会', 'Hokkaido', 'hokkaido'],
  ['青森県医師会', 'Aomori', 'aomori'],
  ['岩手県医師会', 'Iwate', 'iwate'],
  ['宮城県医師会', 'Miyagi', 'miyagi'],
  ['秋田県医師会', 'Akita', 'akita'],
  ['山形県医師会', 'Yamagata', 'yamagata'],
  ['福島県医師会', 'Fukushima', 'fukushima'],
  ['茨城県医師会', 'Ibaraki', 'ibaraki'],
  ['栃木県医師会', 'Tochigi', 'tochigi'],
  ['群馬県医師会', 'Gunma', 'gunma'],
  ['埼玉県医師会', 'Saitama', 'saitama'],
  ['千葉県医師会', 'Chiba', 'chiba'],
  ['東京都医師会', 'Tokyo', 'tokyo'],
  ['神奈川県医師会', 'Kanagawa', 'kanagawa'],
  ['新潟県医師会', 'Niigata', 'niigata'],
  ['富山県医師会', 'Toyama', 'toyama'],
  ['石川県医師会', 'Ishikawa', 'ishikawa'],
  ['福井県医師会', 'Fukui', 'fukui'],
  ['山梨県医師会', 'Yamanashi', 'yamanashi'],
  ['長野県医師会', 'Nagano', 'nagano'],
  ['岐阜県医師会', 'Gifu', 'gifu'],
  ['静岡県医師会', 'Shizuoka', 'shizuoka'],
  ['愛知県医師会', 'Aichi', 'aichi'],
  ['三重県医師会', 'Mie', 'mie'],
  ['滋賀県医師会', 'Shiga', 'shiga'],
  ['京都府医師会', 'Kyoto', 'kyoto'],
  ['大阪府医師会', 'Osaka', 'osaka'],
  ['兵庫県医師会', 'Hyogo', 'hyogo'],
  ['奈良県医師会', 'Nara', 'nara'],
  ['和歌山県医師会', 'Wakayama', 'wakayama'],
  ['鳥取県医師会', 'Tottori', 'tottori'],
  ['島根県医師会', 'Shimane', 'shimane'],
  ['岡山県医師会', 'Okayama', 'okayama'],
  ['広島県医師会', 'Hiroshima', 'hiroshima'],
  ['山口県医師会', 'Yamaguchi', 'yamaguchi'],
  ['徳島県医師会', 'Tokushima', 'tokushima'],
  ['香川県医師会', 'Kagawa', 'kagawa'],
  ['愛媛県医師会', 'Ehime', 'ehime'],
  ['高知県医師会', 'Kochi', 'kochi'],
  ['福岡県医師会', 'Fukuoka', 'fukuoka'],
  ['佐賀県医師会', 'Saga', 'saga'],
  ['長崎県医師会', 'Nagasaki', 'nagasaki'],
  ['熊本県医師会', 'Kumamoto', 'kumamoto'],
  ['大分県医師会', 'Oita', 'oita'],
  ['宮崎県医師会', 'Miyazaki', 'miyazaki'],
  ['鹿児島県医師会', 'Kagoshima', 'kagoshima'],
  ['沖縄県医師会', 'Okinawa', 'okinawa'],
];

/** City, ward and county associations: id suffix, name, English name, prefecture code. */
const CITIES: readonly (readonly [string, string, string, number])[] = [
  ['otaru', '小樽市医師会', 'Otaru City Medical Association', 1],
  ['sapporo', '札幌市医師会', 'Sapporo City Medical Association', 1],
  ['hakodate', '函館市医師会', 'Hakodate City Medical Association', 1],
  ['asahikawa', '旭川市医師会', 'Asahikawa City Medical Association', 1],
  ['chiyoda', '千代田区医師会', 'Chiyoda Ward Medical Association', 13],
  ['shinjuku', '新宿区医師会', 'Shinjuku Ward Medical Association', 13],
  ['yokohama', '横浜市医師会', 'Yokohama City Medical Association', 14],
  ['nagoya', '名古屋市医師会', 'Nagoya City Medical Association', 23],
  ['kyoto-city', '京都市医師会', 'Kyoto City Medical Association', 26],
  ['osaka-city', '大阪市医師会', 'Osaka City Medical Association', 27],
  ['kobe', '神戸市医師会', 'Kobe City Medical Association', 28],
  ['fukuoka-city', '福岡市医師会', 'Fukuoka City Medical Association', 40],
];

export function prefectureId(code: number): string {
  return `pref-${String(code).padStart(2, '0')}`;
}

export const ASSOCIATIONS: readonly AssociationSeed[] = [
  {
    id: NATIONAL_ID,
    name: '日本医師会',
    nameEn: 'Japan Medical Association',
    layer: 1,
    parentId: null,
    prefectureCode: null,
    short: 'jma',
  },
  ...PREFECTURES.map(
    ([name, nameEn, short], index): AssociationSeed => ({
      id: prefectureId(index + 1),
      name,
      nameEn: `${nameEn} Medical Association`,
      layer: 2,
      parentId: NATIONAL_ID,
      prefectureCode: index + 1,
      short,
    }),
  ),
  ...CITIES.map(
    ([short, name, nameEn, code]): AssociationSeed => ({
      id: `city-${short}`,
      name,
      nameEn,
      layer: 3,
      parentId: prefectureId(code),
      prefectureCode: code,
      short,
    }),
  ),
];

/** The office mail address of an association (example domains only). */
export function officeEmail(association: AssociationSeed): string {
  return `office@${association.short}.example.jp`;
}
