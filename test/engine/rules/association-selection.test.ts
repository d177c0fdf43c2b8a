import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type GroupItem, isAssociationSelection } from '../../../engine/index.js';
import { checkSelection } from '../../../engine/rules/association-selection.js';
import { SAMPLE_SOURCES } from '../../support/project-forms.js';

const groups = SAMPLE_SOURCES['member.groups'] as GroupItem[];

describe('checkSelection (one group per application)', () => {
  it('accepts associations of the chosen group', () => {
    expect(checkSelection({ groupId: 'group-aoyagi', associationIds: ['city-otaru', 'jma'] }, groups)).toBeUndefined();
  });

  it('rejects a group the member may not choose', () => {
    expect(checkSelection({ groupId: 'group-of-someone-else', associationIds: ['jma'] }, groups)).toBe('unknownGroup');
  });

  it('rejects an association of another group', () => {
    expect(checkSelection({ groupId: 'group-aoyagi', associationIds: ['city-otaru', 'city-chiyoda'] }, groups)).toBe(
      'outsideGroup',
    );
  });
});

describe('isAssociationSelection', () => {
  /** The definition, written plainly: exactly the two keys, a string group and a list of strings. */
  function isSelection(value: unknown): boolean {
    if (typeof value !== 'object' || value === null) return false;
    const keys = Object.keys(value);
    if (keys.length !== 2 || !keys.includes('groupId') || !keys.includes('associationIds')) return false;
    const { groupId, associationIds } = value as Record<string, unknown>;
    return (
      typeof groupId === 'string' &&
      Array.isArray(associationIds) &&
      associationIds.every((id) => typeof id === 'string')
    );
  }

  it('agrees with its definition on any value (property)', () => {
    const id = fc.oneof(fc.string(), fc.integer(), fc.constant(undefined));
    const candidate = fc.oneof(
      fc.anything(),
      fc.record(
        { groupId: id, associationIds: fc.oneof(fc.array(id, { maxLength: 3 }), id), extra: id },
        { requiredKeys: [] },
      ),
      fc.record({ groupId: fc.string(), associationIds: fc.array(fc.string(), { maxLength: 3 }) }),
    );
    fc.assert(
      fc.property(candidate, (value) => {
        expect(isAssociationSelection(value)).toBe(isSelection(value));
      }),
      { numRuns: 2000 },
    );
    const inherited = Object.create({ extra: 1 }) as Record<string, unknown>;
    Object.assign(inherited, { groupId: 'g', associationIds: ['a'] });
    expect(isAssociationSelection(inherited)).toBe(true);
    expect(isAssociationSelection(Object.defineProperty({ groupId: 'g', associationIds: [] }, 'x', { value: 1 }))).toBe(
      true,
    );
  });
});
