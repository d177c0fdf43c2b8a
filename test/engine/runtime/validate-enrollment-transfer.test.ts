import { describe, expect, it } from 'vitest';
import { type ValidationContext, validateSubmission } from '../../../engine/index.js';
import { compileProjectForm, readExample, SAMPLE_SOURCES } from '../../support/project-forms.js';

const context: ValidationContext = { today: '2026-11-25', locale: 'ja', sources: SAMPLE_SOURCES };

describe('enrollment validation', () => {
  const form = compileProjectForm('enrollment');
  const example = readExample('enrollment').data;

  it('accepts the example and joins every layer above the chosen city (cascade upward)', () => {
    const result = validateSubmission(form, example, context);
    expect(result.errors).toEqual([]);
    expect(result.value.joinTo).toEqual({
      groupId: 'chain:city-sapporo',
      associationIds: ['city-sapporo', 'pref-01', 'jma'],
    });
  });

  it('asks the end of residency only for residents (conditional field)', () => {
    const { trainingEndDate: _removed, ...withoutDate } = example;
    const resident = validateSubmission(form, withoutDate, context);
    expect(resident.errors.map((error) => error.message)).toEqual(['臨床研修修了予定年月日を入力してください']);
    const employed = validateSubmission(form, { ...example, memberClass: 'B' }, context);
    expect(employed.ok).toBe(true);
    expect(employed.value).not.toHaveProperty('trainingEndDate');
  });

  it('offers only the chains of the chosen prefecture (dependent source)', () => {
    const result = validateSubmission(form, { ...example, prefecture: 'pref-13' }, context);
    expect(result.errors.map((error) => [error.field, error.code])).toEqual([['joinTo', 'unknownGroup']]);
  });

  it('rejects a prefecture that is not offered', () => {
    const result = validateSubmission(form, { ...example, prefecture: 'pref-99' }, context);
    expect(result.errors.map((error) => [error.field, error.code])).toContainEqual(['prefecture', 'notInSource']);
  });
});

describe('transfer validation', () => {
  const form = compileProjectForm('transfer');
  const example = readExample('transfer').data;

  it('accepts the example; leaving the prefecture also leaves the city below it (cascade downward)', () => {
    const result = validateSubmission(form, example, context);
    expect(result.errors).toEqual([]);
    expect(result.value.leaveFrom).toEqual({ groupId: 'group-aoyagi', associationIds: ['city-otaru', 'pref-01'] });
    expect(result.value.joinTo).toEqual({ groupId: 'chain:city-chiyoda', associationIds: ['city-chiyoda', 'pref-13'] });
  });

  it('requires the other reason only for その他', () => {
    const result = validateSubmission(form, { ...example, reason: 'other' }, context);
    expect(result.errors.map((error) => error.message)).toEqual(['その他の異動事由を入力してください']);
  });

  it('rejects a destination chain outside the destination prefecture', () => {
    const result = validateSubmission(form, { ...example, destinationPrefecture: 'pref-01' }, context);
    expect(result.errors.map((error) => [error.field, error.code])).toEqual([['joinTo', 'unknownGroup']]);
  });
});
