import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyCascade, type GroupItem } from '../../../engine/index.js';

const group: GroupItem = {
  id: 'group-aoyagi',
  associations: [
    { id: 'city-otaru', layer: 3, name: { ja: '小樽市医師会', en: 'Otaru' } },
    { id: 'pref-01', layer: 2, name: { ja: '北海道医師会', en: 'Hokkaido' } },
    { id: 'jma', layer: 1, name: { ja: '日本医師会', en: 'JMA' } },
  ],
};

describe('applyCascade', () => {
  it('withdrawing from the city layer withdraws from every layer above it (manual rule)', () => {
    expect(applyCascade(['city-otaru'], group, 'upward')).toEqual(['city-otaru', 'pref-01', 'jma']);
  });

  it('withdrawing from the prefecture also withdraws from 日本医師会, not from the city', () => {
    expect(applyCascade(['pref-01'], group, 'upward')).toEqual(['pref-01', 'jma']);
  });

  it('leaving an upper layer downward takes the layers below it', () => {
    expect(applyCascade(['pref-01'], group, 'downward')).toEqual(['city-otaru', 'pref-01']);
  });

  it('changes nothing but the order with "none"', () => {
    expect(applyCascade(['jma', 'city-otaru'], group, 'none')).toEqual(['city-otaru', 'jma']);
  });

  it('keeps ids outside the group so the one-group rule can report them', () => {
    expect(applyCascade(['jma', 'city-sapporo'], group, 'upward')).toEqual(['jma', 'city-sapporo']);
  });

  const ids = group.associations.map((association) => association.id);
  const selection = fc.subarray(ids);
  const direction = fc.constantFrom('upward' as const, 'downward' as const, 'none' as const);

  it('is idempotent and never drops a chosen association (property)', () => {
    fc.assert(
      fc.property(selection, direction, (chosen, way) => {
        const once = applyCascade(chosen, group, way);
        expect(applyCascade(once, group, way)).toEqual(once);
        for (const id of chosen) expect(once).toContain(id);
      }),
    );
  });

  it('upward results are closed above: a chosen layer implies every smaller layer number (property)', () => {
    fc.assert(
      fc.property(selection, (chosen) => {
        const result = new Set(applyCascade(chosen, group, 'upward'));
        for (const association of group.associations) {
          if (!result.has(association.id)) continue;
          for (const upper of group.associations) {
            if (upper.layer < association.layer) expect(result.has(upper.id)).toBe(true);
          }
        }
      }),
    );
  });
});
