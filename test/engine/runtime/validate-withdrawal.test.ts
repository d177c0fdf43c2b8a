import { describe, expect, it } from 'vitest';
import { type ValidationContext, validateSubmission } from '../../../engine/index.js';
import { compileProjectForm, SAMPLE_SOURCES } from '../../support/project-forms.js';

const form = compileProjectForm('withdrawal');
const ja: ValidationContext = { today: '2026-11-25', locale: 'ja', sources: SAMPLE_SOURCES };
const en: ValidationContext = { ...ja, locale: 'en' };
const valid = {
  withdrawFrom: { groupId: 'group-aoyagi', associationIds: ['city-otaru'] },
  withdrawalDate: '2026/12/31',
  reason: 'retirement',
};

function messages(input: unknown, context = ja) {
  const result = validateSubmission(form, input, context);
  return Object.fromEntries(result.errors.map((error) => [error.field, error.message]));
}

describe('withdrawal validation', () => {
  it('accepts the manual’s withdrawal and stores it normalised with the cascade applied', () => {
    const result = validateSubmission(form, valid, ja);
    expect(result.ok).toBe(true);
    expect(result.value).toEqual({
      withdrawFrom: { groupId: 'group-aoyagi', associationIds: ['city-otaru', 'pref-01', 'jma'] },
      withdrawalDate: '2026-12-31',
      reason: 'retirement',
    });
  });

  it('names every missing field by its label, in Japanese', () => {
    expect(messages({})).toEqual({
      withdrawFrom: '退会する医師会を選択してください',
      withdrawalDate: '退会希望年月日を入力してください',
      reason: '退会事由を選択してください',
    });
  });

  it('names every missing field by its label, in English', () => {
    expect(messages({}, en)).toEqual({
      withdrawFrom: 'Choose the associations to withdraw from',
      withdrawalDate: 'Enter requested withdrawal date',
      reason: 'Choose reason for withdrawal',
    });
  });

  it('rejects a date before today and accepts today', () => {
    expect(messages({ ...valid, withdrawalDate: '2026/11/24' })).toEqual({
      withdrawalDate: '退会希望年月日は本日以降の日付を入力してください',
    });
    expect(validateSubmission(form, { ...valid, withdrawalDate: '2026/11/25' }, ja).ok).toBe(true);
  });

  it('accepts full-width digits in the date and stores ISO', () => {
    const result = validateSubmission(form, { ...valid, withdrawalDate: '２０２６／１２／３１' }, ja);
    expect(result.ok).toBe(true);
    expect(result.value.withdrawalDate).toBe('2026-12-31');
  });

  it('tells a malformed date from an impossible one', () => {
    expect(messages({ ...valid, withdrawalDate: '31/12/2026' })).toEqual({
      withdrawalDate: '退会希望年月日はyyyy/mm/ddの形式で入力してください',
    });
    expect(messages({ ...valid, withdrawalDate: '2027/02/30' })).toEqual({
      withdrawalDate: '退会希望年月日に存在しない日付が入力されています',
    });
  });

  it('requires the other reason only when その他 is chosen', () => {
    expect(messages({ ...valid, reason: 'other' })).toEqual({ reasonOther: 'その他の退会事由を入力してください' });
    expect(validateSubmission(form, { ...valid, reason: 'other', reasonOther: '海外移住のため' }, ja).ok).toBe(true);
  });

  it('drops the other reason when その他 is not chosen (hidden fields are not submitted)', () => {
    const result = validateSubmission(form, { ...valid, reasonOther: '送られても保存しない' }, ja);
    expect(result.ok).toBe(true);
    expect(result.value).not.toHaveProperty('reasonOther');
  });

  it('counts the other reason as a person does: 50 full- or half-width characters, not 51', () => {
    for (const text of ['あ'.repeat(50), 'a'.repeat(50), 'ｱ'.repeat(50), '𠮷'.repeat(50), 'か\u3099'.repeat(50)]) {
      expect(validateSubmission(form, { ...valid, reason: 'other', reasonOther: text }, ja).ok).toBe(true);
    }
    for (const text of ['あ'.repeat(51), 'a'.repeat(51), '𠮷'.repeat(51)]) {
      expect(messages({ ...valid, reason: 'other', reasonOther: text })).toEqual({
        reasonOther: 'その他の退会事由は50文字以内で入力してください',
      });
    }
  });

  it('treats blank text as not entered', () => {
    expect(messages({ ...valid, reason: 'other', reasonOther: '　 ' })).toEqual({
      reasonOther: 'その他の退会事由を入力してください',
    });
  });

  it('rejects an option that is not offered', () => {
    expect(messages({ ...valid, reason: 'moving' })).toEqual({ reason: '退会事由は選択肢の中から選んでください' });
  });

  it('rejects a group that is not the member’s', () => {
    expect(
      messages({ ...valid, withdrawFrom: { groupId: 'group-of-another-member', associationIds: ['jma'] } }),
    ).toEqual({
      withdrawFrom: '退会する医師会：選択された所属グループからは申請できません',
    });
  });

  it('rejects associations from two groups in one application', () => {
    expect(
      messages({ ...valid, withdrawFrom: { groupId: 'group-aoyagi', associationIds: ['city-otaru', 'city-chiyoda'] } }),
    ).toEqual({
      withdrawFrom:
        '退会する医師会に、このグループでは申請できない医師会が含まれています（1回の申請で選択できるのは1つのグループのみです）',
    });
  });

  it('rejects an empty choice of associations', () => {
    expect(messages({ ...valid, withdrawFrom: { groupId: 'group-aoyagi', associationIds: [] } })).toEqual({
      withdrawFrom: '退会する医師会を選択してください',
    });
  });

  it('reports unknown fields, including __proto__, without touching any prototype', () => {
    const input = JSON.parse('{"__proto__": {"polluted": true}, "constructor": 1, "extra": 2}') as object;
    const result = validateSubmission(form, { ...valid, ...input }, ja);
    expect(result.ok).toBe(false);
    expect(result.errors.map((error) => [error.pointer, error.code])).toEqual([
      ['/__proto__', 'unknownField'],
      ['/constructor', 'unknownField'],
      ['/extra', 'unknownField'],
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(result.value)).toBe(Object.prototype);
  });

  it('reports values of the wrong type by field', () => {
    expect(messages({ ...valid, withdrawalDate: 20261231, reason: ['retirement'] })).toEqual({
      withdrawalDate: '退会希望年月日の形式が正しくありません',
      reason: '退会事由の形式が正しくありません',
    });
  });

  it('rejects a submission that is not an object', () => {
    for (const input of [null, 'text', [valid], 42]) {
      const result = validateSubmission(form, input, ja);
      expect(result.errors).toEqual([
        { pointer: '', field: '', code: 'notAnObject', message: '申請内容の形式が正しくありません' },
      ]);
    }
  });

  it('reports only the asked step’s fields when validating one step', () => {
    const result = validateSubmission(form, { extra: 1 }, ja, { step: 'select' });
    expect(result.errors.map((error) => error.field)).toEqual(['withdrawFrom', 'withdrawalDate', 'reason']);
    expect(validateSubmission(form, {}, ja, { step: 'confirm' }).ok).toBe(true);
  });
});
