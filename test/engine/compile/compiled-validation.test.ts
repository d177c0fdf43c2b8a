import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateSubmission as validateByPlan } from '../../../engine/browser.js';
import {
  compileValidation,
  createDataAjv,
  createRuntimeForm,
  deriveDataSchema,
  type FormDefinition,
  type GroupItem,
  type ResolvedSources,
  type RuntimeForm,
  type ValidationContext,
  validateSubmission,
} from '../../../engine/index.js';
import {
  compileProjectForm,
  FORM_IDS,
  readDefinition,
  readExample,
  SAMPLE_SOURCES,
} from '../../support/project-forms.js';

/** A definition as it stands, unchecked: the generator must follow the plan of any form. */
function uncheckedForm(definition: FormDefinition): RuntimeForm {
  const validator = createDataAjv({ validateSchema: false }).compile(deriveDataSchema(definition));
  return createRuntimeForm(definition, validator);
}

/**
 * The withdrawal form with what the project's forms lack: conditions on fields that have a
 * condition themselves (chains, one naming a later field, so that hiding settles only in a
 * second pass), a condition with several values and one naming no field, a field whose name
 * needs escaping, and one called `__proto__`.
 */
function awkwardForm(): RuntimeForm {
  const definition = readDefinition('withdrawal');
  const fields = definition.fields as unknown as Record<string, Record<string, unknown>>;
  const properties: Record<string, Record<string, unknown>> = { note: { type: 'string' } };
  Object.assign(properties, definition.schema.properties);
  (definition.schema as Record<string, unknown>).properties = properties;
  fields.note = { label: { ja: '備考', en: 'Note' }, visibleWhen: { detail: 'abc' } };
  properties.detail = { type: 'string', maxCharacters: 5 };
  fields.detail = { label: { ja: '詳細', en: 'Detail' }, visibleWhen: { reasonOther: ['x', 'y'] } };
  properties.ghost = { type: 'string' };
  fields.ghost = { label: { ja: '幽霊', en: 'Ghost' }, visibleWhen: { nowhere: 'x' } };
  properties['code~/x'] = { type: 'string', maxLength: 3 };
  fields['code~/x'] = { label: { ja: '記号', en: 'Code' } };
  ownProperty(properties, '__proto__', { type: 'integer' });
  ownProperty(fields, '__proto__', { label: { ja: '原型', en: 'Proto' } });
  (definition.schema.required as string[]).push('detail');
  return uncheckedForm(definition);
}

/** `object[key] = value`, but `__proto__` becomes a key of its own, as JSON.parse makes it. */
function ownProperty(object: object, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

const associations = [
  { id: 'city-otaru', layer: 3 as const, name: { ja: 'a3', en: 'a3' } },
  { id: 'pref-01', layer: 2 as const, name: { ja: 'a2', en: 'a2' } },
  { id: 'jma', layer: 1 as const, name: { ja: 'a1', en: 'a1' } },
];
/** Member groups as a source may list them, an id now and then twice. */
const memberGroups: fc.Arbitrary<GroupItem[]> = fc.array(
  fc.record({
    id: fc.constantFrom('group-aoyagi', 'g2'),
    associations: fc.subarray(associations, { minLength: 1 }),
  }),
  { maxLength: 3 },
);

/** Values near each form's own, and hostile ones. */
const fieldValue = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom(
    '2026/12/31',
    '２０２６／１２／３１',
    ' 2027-01-05 ',
    '2026-02-30',
    '20261231',
    '2026年2月3日',
    'other',
    'retirement',
    'x',
    'y',
    'abc',
    'yes',
    'A2C',
    'B',
    'pref-01',
    'pref-13',
    '',
    ' ',
    'カ\u3099',
    '𠮷'.repeat(6),
    'あ'.repeat(51),
    '１，２３４',
  ),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.constantFrom('a', 'b', 'pref-01', 1), { maxLength: 3 }),
  fc.record(
    {
      groupId: fc.constantFrom('group-aoyagi', 'g2', 'chain:city-sapporo', 'chain:city-chiyoda', ''),
      associationIds: fc.oneof(
        fc.subarray(['city-otaru', 'pref-01', 'jma', 'city-sapporo', 'city-chiyoda', 'pref-13', 'x']),
        fc.constant(['jma', 'jma']),
      ),
      extra: fc.constant(1),
    },
    { requiredKeys: [] },
  ),
);

/** Submissions: each form's example with fields changed, removed, added or reordered. */
function submissions(form: RuntimeForm, example: Record<string, unknown>) {
  const names = form.fields.map((field) => field.name);
  return fc
    .tuple(
      fc.dictionary(fc.constantFrom(...names, 'extra', '__proto__', 'constructor', 'toString'), fieldValue, {
        maxKeys: 5,
      }),
      fc.subarray(names),
      fc.boolean(),
    )
    .map(([changes, removed, reversed]) => {
      const data: Record<string, unknown> = {};
      const entries = Object.entries({ ...example });
      for (const [key, value] of reversed ? entries.reverse() : entries) data[key] = value;
      for (const [key, value] of Object.entries(changes)) ownProperty(data, key, value);
      for (const name of removed) delete data[name];
      return data;
    });
}

const contexts = fc.record({
  today: fc.constantFrom('2026-11-25', '2027-01-05', '2024-10-01'),
  locale: fc.constantFrom('ja' as const, 'en' as const),
  groups: memberGroups,
  step: fc.constantFrom(undefined, 'select', 'confirm', 'applicant'),
});

function agree(form: RuntimeForm, example: Record<string, unknown>, runs: number): void {
  const generated = compileValidation(form)!;
  fc.assert(
    fc.property(submissions(form, example), contexts, (data, { today, locale, groups, step }) => {
      const sources: ResolvedSources = { ...SAMPLE_SOURCES, 'member.groups': groups };
      const context: ValidationContext = { today, locale, sources };
      const options = step === undefined ? undefined : { step };
      const expected = validateByPlan(form, data, context, options);
      const actual = generated(data, context, options);
      expect(actual).toEqual(expected);
      // The same keys in the same order, errors included: JSON says what toEqual does not.
      expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
    }),
    { numRuns: runs, seed: 20261206 },
  );
}

describe('generated validation', () => {
  for (const id of FORM_IDS) {
    it(`gives the plain pipeline's result for ${id}: value, errors, their order and messages (property)`, () => {
      agree(compileProjectForm(id), readExample(id).data, 2000);
    });
  }

  it('follows chained and multi-valued conditions, odd field names and conditions on no field (property)', () => {
    const form = awkwardForm();
    const example = {
      ...readExample('withdrawal').data,
      reason: 'other',
      reasonOther: 'x',
      detail: 'abc',
      note: 'n',
      'code~/x': 'ab',
    };
    agree(form, example, 2000);
  });

  it('compares condition values JSON cannot write (NaN, infinities) as the plain pipeline does', () => {
    const definition = readDefinition('withdrawal');
    const properties = definition.schema.properties as Record<string, Record<string, unknown>>;
    const fields = definition.fields as unknown as Record<string, Record<string, unknown>>;
    properties.amount = { type: 'number' };
    fields.amount = { label: { ja: '額', en: 'Amount' } };
    for (const [name, visibleWhen] of Object.entries({
      inList: { amount: [Number.NaN, Number.POSITIVE_INFINITY] },
      alone: { amount: Number.NaN },
      below: { amount: Number.NEGATIVE_INFINITY },
    })) {
      properties[name] = { type: 'string' };
      fields[name] = { label: { ja: name, en: name }, visibleWhen };
    }
    const form = uncheckedForm(definition);
    const generated = compileValidation(form)!;
    const context: ValidationContext = { today: '2026-11-25', locale: 'en', sources: SAMPLE_SOURCES };
    for (const amount of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0, -0, 1, '1', undefined]) {
      const data = { ...readExample('withdrawal').data, amount, inList: 'a', alone: 'b', below: 'c' };
      const expected = validateByPlan(form, data, context);
      expect(generated(data, context)).toEqual(expected);
      expect(Object.keys(generated(data, context).value)).toEqual(Object.keys(expected.value));
    }
  });

  it('is what validateSubmission runs for a compiled form, and answers anything that is not an object', () => {
    const form = compileProjectForm('withdrawal');
    const context: ValidationContext = { today: '2026-11-25', locale: 'ja', sources: SAMPLE_SOURCES };
    for (const input of [null, 1, 'text', [], [1], undefined]) {
      expect(validateSubmission(form, input, context)).toEqual(validateByPlan(form, input, context));
      expect(form.validation!(input, context)).toEqual(validateByPlan(form, input, context));
    }
  });

  it('leaves forms without generated code to the plain pipeline', () => {
    const form = uncheckedForm(readDefinition('withdrawal'));
    const context: ValidationContext = { today: '2026-11-25', locale: 'en', sources: SAMPLE_SOURCES };
    const data = readExample('withdrawal').data;
    expect(validateSubmission(form, data, context)).toEqual(validateByPlan(form, data, context));
  });

  it('generates nothing for a form of very many fields, which V8 would be slow to compile', () => {
    const definition = readDefinition('withdrawal');
    const properties = definition.schema.properties as Record<string, unknown>;
    const fields = definition.fields as Record<string, unknown>;
    const step = definition.steps.find((candidate) => candidate.type === 'fields');
    for (let index = 0; index < 300; index++) {
      properties[`extra${index}`] = { type: 'string' };
      fields[`extra${index}`] = { label: { ja: `追加${index}`, en: `Extra ${index}` } };
      if (step?.type === 'fields') (step.fields as string[]).push(`extra${index}`);
    }
    // The meta-schema allows no such form; one made in code can still be.
    const form = uncheckedForm(definition);
    expect(compileValidation(form)).toBeUndefined();
    const context: ValidationContext = { today: '2024-10-01', locale: 'ja', sources: SAMPLE_SOURCES };
    const data = { ...readExample('withdrawal').data, extra7: 1 };
    expect(validateSubmission(form, data, context)).toEqual(validateByPlan(form, data, context));
    expect(validateSubmission(form, data, context).errors.map((error) => error.field)).toEqual(['extra7']);
  });
});
