import type { LayerAssociation, ResolvedSources } from '../../../engine/index.js';

/**
 * The day the browser tests run on: the server's clock starts on it, and pages that pass a
 * definition themselves give it as `today`. The manual's 2024/10/31 lies ahead.
 */
export const TODAY = '2024-10-01';

const association = (id: string, layer: 1 | 2 | 3, ja: string, en: string): LayerAssociation => ({
  id,
  layer,
  name: { ja, en },
});

export const JMA = association('jma', 1, '日本医師会', 'Japan Medical Association');
export const HOKKAIDO = association('hokkaido', 2, '北海道医師会', 'Hokkaido Medical Association');
export const OTARU = association('otaru', 3, '小樽市医師会', 'Otaru Medical Association');
export const SAPPORO = association('sapporo', 3, '札幌市医師会', 'Sapporo Medical Association');
export const TOKYO = association('tokyo', 2, '東京都医師会', 'Tokyo Medical Association');
export const CHUO = association('chuo', 3, '中央区医師会', 'Chuo Ward Medical Association');

/**
 * A member in two groups (Otaru through his clinic, Tokyo through a hospital), as a site that
 * passes a definition without the API resolves them itself.
 */
export const MEMBER_SOURCES: ResolvedSources = {
  'member.groups': [
    {
      id: 'group-otaru',
      facility: { ja: '医療法人社団 青柳皮膚科医院', en: 'Aoyagi Dermatology Clinic' },
      associations: [OTARU, HOKKAIDO, JMA],
    },
    {
      id: 'group-chuo',
      facility: { ja: '中央記念病院', en: 'Chuo Memorial Hospital' },
      associations: [CHUO, TOKYO, JMA],
    },
  ],
  'associations.prefectures': [
    { value: 'hokkaido', label: HOKKAIDO.name, parent: 'jma' },
    { value: 'tokyo', label: TOKYO.name, parent: 'jma' },
  ],
  'associations.chains': [
    { id: 'chain-otaru', parent: 'hokkaido', associations: [OTARU, HOKKAIDO, JMA] },
    { id: 'chain-sapporo', parent: 'hokkaido', associations: [SAPPORO, HOKKAIDO, JMA] },
    { id: 'chain-hokkaido', parent: 'hokkaido', associations: [HOKKAIDO, JMA] },
    { id: 'chain-chuo', parent: 'tokyo', associations: [CHUO, TOKYO, JMA] },
  ],
};
