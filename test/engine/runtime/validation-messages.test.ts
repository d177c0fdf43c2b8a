import { describe, expect, it } from 'vitest';
import { compileForm, type ValidationContext, validateSubmission } from '../../../engine/index.js';
import { readDefinition, SAMPLE_SOURCES } from '../../support/project-forms.js';

/** The withdrawal form with a relative upper bound, and a field whose name needs escaping. */
function customForm() {
  const definition = readDefinition('withdrawal');
  const properties = definition.schema.properties as Record<string, Record<string, unknown>>;
  properties.withdrawalDate = { ...properties.withdrawalDate, maxDate: 'today+30' };
  properties['code~/x'] = { type: 'string', maxLength: 3 };
  (definition.fields as Record<string, unknown>)['code~/x'] = { label: { ja: '記号', en: 'Code' } };
  const step = definition.steps.find((candidate) => candidate.type === 'fields');
  if (step?.type === 'fields') (step.fields as string[]).push('code~/x');
  return compileForm({ definition, file: 'custom.json', expectedId: 'withdrawal' });
}

const form = customForm();
const valid = {
  withdrawFrom: { groupId: 'group-aoyagi', associationIds: ['city-otaru'] },
  withdrawalDate: '2027/06/30',
  reason: 'retirement',
};

function messageOf(input: unknown, context: ValidationContext): string | undefined {
  return validateSubmission(form, input, context).errors[0]?.message;
}

describe('error messages over repeated validations', () => {
  it('follows the locale and the limit of each call, whatever the call before reported', () => {
    // Messages are kept per field as last rendered; a new locale or limit must word them anew.
    const ja = (today: string): ValidationContext => ({ today, locale: 'ja', sources: SAMPLE_SOURCES });
    const en = (today: string): ValidationContext => ({ ...ja(today), locale: 'en' });
    for (let round = 0; round < 2; round++) {
      expect(messageOf(valid, ja('2027-01-01'))).toBe('退会希望年月日は2027/01/31以前の日付を入力してください');
      expect(messageOf(valid, ja('2027-02-01'))).toBe('退会希望年月日は2027/03/03以前の日付を入力してください');
      expect(messageOf(valid, en('2027-02-01'))).toBe('Requested withdrawal date must be 2027/03/03 or earlier');
      expect(messageOf(valid, ja('2027-05-31'))).toBeUndefined();
    }
  });

  it('names a field whose name needs escaping in a pointer by its own name', () => {
    const context: ValidationContext = { today: '2027-06-01', locale: 'en', sources: SAMPLE_SOURCES };
    const result = validateSubmission(form, { ...valid, 'code~/x': 'abcd' }, context);
    expect(result.errors).toEqual([
      { pointer: '/code~0~1x', field: 'code~/x', code: 'maxCharacters', message: 'Code must be at most 3 characters' },
    ]);
  });

  it('words each message anew past the number a field keeps, and again when it comes back', () => {
    // A date bound's limit moves with today: more messages than a field keeps, in both locales.
    const days = Array.from({ length: 12 }, (_, day) => `2027-01-${String(day + 1).padStart(2, '0')}`);
    for (let round = 0; round < 2; round++) {
      for (const today of days) {
        const bound = new Date(`${today}T00:00:00Z`);
        bound.setUTCDate(bound.getUTCDate() + 30);
        const limit = bound.toISOString().slice(0, 10).replaceAll('-', '/');
        const ja: ValidationContext = { today, locale: 'ja', sources: SAMPLE_SOURCES };
        const en: ValidationContext = { ...ja, locale: 'en' };
        const late = { ...valid, withdrawalDate: '2027/12/31' };
        expect(messageOf(late, ja)).toBe(`退会希望年月日は${limit}以前の日付を入力してください`);
        expect(messageOf(late, en)).toBe(`Requested withdrawal date must be ${limit} or earlier`);
      }
    }
  });
});
