import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hiddenFields, normaliseSubmission } from '../../../engine/index.js';
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

    it(`lists the fields in the form's order, whatever order the input lists them, for ${form.id} (property)`, () => {
      const names = form.fields.map((field) => field.name);
      fc.assert(
        fc.property(inputFor(names), fc.infiniteStream(fc.nat()), (input, randoms) => {
          const shuffled = Object.fromEntries(
            Object.entries(input)
              .map((entry) => [randoms.next().value as number, entry] as const)
              .sort(([a], [b]) => a - b)
              .map(([, entry]) => entry),
          );
          const { value } = normaliseSubmission(form, input, { sources: SAMPLE_SOURCES });
          const again = normaliseSubmission(form, shuffled, { sources: SAMPLE_SOURCES }).value;
          expect(Object.keys(value)).toEqual(names.filter((name) => Object.hasOwn(value, name)));
          expect(JSON.stringify(again)).toBe(JSON.stringify(value));
        }),
        { numRuns: 300 },
      );
    });

    it(`keeps exactly the fields the step views show for ${form.id} (property)`, () => {
      // The views read conditions by field name (hiddenFields); normalising reads them by position.
      fc.assert(
        fc.property(inputFor(form.fields.map((field) => field.name)), (input) => {
          const { value } = normaliseSubmission(form, input, { sources: SAMPLE_SOURCES });
          const hidden = hiddenFields(form, value);
          for (const name of Object.keys(value)) expect(hidden.has(name)).toBe(false);
        }),
        { numRuns: 300 },
      );
    });
  }
});
