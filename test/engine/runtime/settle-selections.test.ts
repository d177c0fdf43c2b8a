import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AssociationSelection,
  applyCascade,
  type GroupItem,
  type ResolvedSources,
  validateSubmission,
} from '../../../engine/index.js';
import { checkSelection } from '../../../engine/rules/association-selection.js';
import { compileProjectForm, readExample, SAMPLE_SOURCES } from '../../support/project-forms.js';

const associations = [
  { id: 'a3', layer: 3 as const, name: { ja: 'a3', en: 'a3' } },
  { id: 'a2', layer: 2 as const, name: { ja: 'a2', en: 'a2' } },
  { id: 'b2', layer: 2 as const, name: { ja: 'b2', en: 'b2' } },
  { id: 'a1', layer: 1 as const, name: { ja: 'a1', en: 'a1' } },
];
/** A member's groups as a source may list them: an id may come twice, with other associations. */
const groups = fc.array(
  fc.record({ id: fc.constantFrom('g1', 'g2'), associations: fc.subarray(associations, { minLength: 1 }) }),
  { maxLength: 3 },
);
const selection = fc.record({
  groupId: fc.constantFrom('g1', 'g2', 'g3'),
  associationIds: fc.array(fc.constantFrom('a3', 'a2', 'b2', 'a1', 'x'), { maxLength: 4 }),
});

describe('selections: cascade and one-group rule', () => {
  for (const [id, name] of [
    ['withdrawal', 'withdrawFrom'],
    ['transfer', 'leaveFrom'],
  ] as const) {
    const form = compileProjectForm(id);
    const example = readExample(id);
    const cascade = form.fieldByName.get(name)!.cascade;

    it(`${id}: cascades by the first group with the id and checks the cascade against the last (property)`, () => {
      fc.assert(
        fc.property(groups, selection, (memberGroups: GroupItem[], chosen: AssociationSelection) => {
          const sources: ResolvedSources = { ...SAMPLE_SOURCES, 'member.groups': memberGroups };
          const result = validateSubmission(
            form,
            { ...example.data, [name]: chosen },
            { today: example.today, locale: 'ja', sources },
          );
          const first = memberGroups.find((group) => group.id === chosen.groupId);
          const expected = first
            ? { groupId: chosen.groupId, associationIds: applyCascade(chosen.associationIds, first, cascade) }
            : chosen;
          expect(result.value[name]).toEqual(expected);
          const violation = checkSelection(expected, memberGroups);
          const error = result.errors.find((candidate) => candidate.field === name);
          if (violation) expect(error?.code).toBe(violation);
          else expect(['unknownGroup', 'outsideGroup']).not.toContain(error?.code);
        }),
        { numRuns: 1000 },
      );
    });
  }
});
