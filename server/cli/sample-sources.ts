import type { ResolvedSources } from '../../engine/index.js';

/**
 * Sources for previews and examples when no member is signed in: the manual's 日医 太郎 with
 * his group 医療法人社団 青柳皮膚科医院, and enough of the association tree to join or move.
 * The ids are the demo seed's, so an example filed here also files on the demo server.
 */
export const SAMPLE_SOURCES: ResolvedSources = {
  'member.groups': [
    {
      id: 'group-aoyagi',
      facility: { ja: '医療法人社団 青柳皮膚科医院', en: 'Aoyagi Dermatology Clinic' },
      associations: [
        { id: 'city-otaru', layer: 3, name: { ja: '小樽市医師会', en: 'Otaru City Medical Association' } },
        { id: 'pref-01', layer: 2, name: { ja: '北海道医師会', en: 'Hokkaido Medical Association' } },
        { id: 'jma', layer: 1, name: { ja: '日本医師会', en: 'Japan Medical Association' } },
      ],
    },
  ],
  'associations.prefectures': [
    { value: 'pref-01', label: { ja: '北海道医師会', en: 'Hokkaido Medical Association' }, parent: 'jma' },
    { value: 'pref-13', label: { ja: '東京都医師会', en: 'Tokyo Medical Association' }, parent: 'jma' },
  ],
  'associations.chains': [
    {
      id: 'chain:city-sapporo',
      parent: 'pref-01',
      associations: [
        { id: 'city-sapporo', layer: 3, name: { ja: '札幌市医師会', en: 'Sapporo City Medical Association' } },
        { id: 'pref-01', layer: 2, name: { ja: '北海道医師会', en: 'Hokkaido Medical Association' } },
        { id: 'jma', layer: 1, name: { ja: '日本医師会', en: 'Japan Medical Association' } },
      ],
    },
    {
      id: 'chain:city-chiyoda',
      parent: 'pref-13',
      associations: [
        { id: 'city-chiyoda', layer: 3, name: { ja: '千代田区医師会', en: 'Chiyoda Ward Medical Association' } },
        { id: 'pref-13', layer: 2, name: { ja: '東京都医師会', en: 'Tokyo Medical Association' } },
        { id: 'jma', layer: 1, name: { ja: '日本医師会', en: 'Japan Medical Association' } },
      ],
    },
  ],
};
