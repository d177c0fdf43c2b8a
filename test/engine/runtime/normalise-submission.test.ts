import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseSubmission } from '../../../engine/index.js';
import { compileProjectForm, FORM_IDS, SAMPLE_SOURCES } from '../../support/project-forms.js';

const forms = FORM_IDS.map((id) => compileProjectForm(id));

/** Inputs shaped like what browsers send: known fields with plausible and implausible values. */
function inputFor(names: readonly string[]) {
  const value = fc.oneof(
    fc.string(),
    fc.constantFrom(
      '2026/12/31',
      '２０２６／１２／３１',
      ' 2027-01-05 ',
      'other',
      'retirement',
      'yes',
      'A2C',
      'pref-01',
    ),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.record({
      groupId: fc.constantFrom('group-aoyagi', 'chain:city-sapporo', 'x'),
      associationIds: fc.subarray(['city-otaru', 'pref-01', 'jma', 'city-sapporo']),
    }),
  );
  return fc.dictionary(fc.constantFrom(...names), value);
}

describe('normaliseSubmission', () => {
  for (const form of forms) {
    it(`is idempotent for ${form.id}: normalising the normalised data changes nothing (property)`, () => {
      fc.assert(
        fc.property(inputFor(form.fields.map((field) => field.name)), (input) => {
          const once = normaliseSubmission(form, input, { sources: SAMPLE_SOURCES }).value;
          const twice = normaliseSubmission(form, once, { sources: SAMPLE_SOURCES }).value;
          expect(twice).toEqual(once);
        }),
        { numRuns: 300 },
      );
    });

    it(`never keeps a hidden field or an unknown key for ${form.id} (property)`, () => {
      fc.assert(
        fc.property(inputFor([...form.fields.map((field) => field.name), 'extra']), (input) => {
          const { value, unknownKeys } = normaliseSubmission(form, input, { sources: SAMPLE_SOURCES });
          expect(Object.keys(value).every((key) => form.fieldByName.has(key))).toBe(true);
          if ('extra' in input) expect(unknownKeys).toContain('extra');
          for (const field of form.fields) {
            const condition = field.visibleWhen;
            if (!condition || !(field.name in value)) continue;
            for (const [name, expected] of Object.entries(condition)) {
              const allowed = Array.isArray(expected) ? expected : [expected];
              expect(allowed).toContain(value[name]);
            }
          }
        }),
        { numRuns: 300 },
      );
    });
  }
});
