import { describe, expect, it } from 'vitest';
import { deriveConfirmView, validateSubmission } from '../../../engine/index.js';
import { compileProjectForm, readExample, SAMPLE_SOURCES } from '../../support/project-forms.js';

function confirmViewOf(id: 'withdrawal' | 'enrollment' | 'transfer', data?: Record<string, unknown>) {
  const form = compileProjectForm(id);
  const example = readExample(id);
  const result = validateSubmission(form, data ?? example.data, {
    today: example.today,
    locale: 'ja',
    sources: SAMPLE_SOURCES,
  });
  expect(result.errors).toEqual([]);
  return deriveConfirmView(form, result.value, SAMPLE_SOURCES);
}

describe('deriveConfirmView', () => {
  it('shows the manual’s withdrawal as the manual’s confirm screen does', () => {
    const view = confirmViewOf('withdrawal');
    expect(view.title.ja).toBe('退会届');
    expect(view.sections).toHaveLength(1);
    const [targets, date, reason] = view.sections[0]!.rows;
    expect(targets).toEqual({
      kind: 'targets',
      field: 'withdrawFrom',
      label: { ja: '退会申請先', en: 'Withdrawal from' },
      role: 'leave',
      facility: { ja: '医療法人社団 青柳皮膚科医院', en: 'Aoyagi Dermatology Clinic' },
      targets: [
        { id: 'city-otaru', layer: 3, name: { ja: '小樽市医師会', en: 'Otaru City Medical Association' } },
        { id: 'pref-01', layer: 2, name: { ja: '北海道医師会', en: 'Hokkaido Medical Association' } },
        { id: 'jma', layer: 1, name: { ja: '日本医師会', en: 'Japan Medical Association' } },
      ],
    });
    expect(date).toMatchObject({ label: { ja: '退会希望年月日' }, value: { ja: '2024/10/31' }, empty: false });
    expect(reason).toMatchObject({
      label: { ja: '退会事由' },
      value: { ja: '廃業・退職', en: 'Closure or retirement' },
    });
  });

  it('shows the other reason only when it was asked, verbatim', () => {
    const example = readExample('withdrawal').data;
    const view = confirmViewOf('withdrawal', { ...example, reason: 'other', reasonOther: '<b>海外</b>移住' });
    const rows = view.sections[0]!.rows;
    expect(rows.map((row) => row.field)).toEqual(['withdrawFrom', 'withdrawalDate', 'reason', 'reasonOther']);
    expect(rows[3]).toMatchObject({ kind: 'value', value: { ja: '<b>海外</b>移住', en: '<b>海外</b>移住' } });
  });

  it('has one section per fields step in step order, with source labels and unentered rows', () => {
    const view = confirmViewOf('enrollment');
    expect(view.sections.map((section) => section.title.ja)).toEqual(['所属・医師会選択', '会員区分・入会日']);
    const rows = view.sections.flatMap((section) => section.rows);
    expect(rows.find((row) => row.field === 'prefecture')).toMatchObject({ value: { ja: '北海道医師会' } });
    expect(rows.find((row) => row.field === 'message')).toMatchObject({ empty: true, value: { ja: '（未入力）' } });
    expect(rows.find((row) => row.field === 'trainingEndDate')).toMatchObject({ value: { ja: '2028/03/31' } });
    expect(rows.find((row) => row.field === 'joinTo')).toMatchObject({
      kind: 'targets',
      role: 'join',
      facility: undefined,
    });
  });

  it('lists what a transfer leaves and joins by layer', () => {
    const rows = confirmViewOf('transfer').sections.flatMap((section) => section.rows);
    const targets = rows.filter((row) => row.kind === 'targets');
    expect(
      targets.map((row) => [row.role, row.kind === 'targets' ? row.targets.map((t) => `${t.layer}:${t.id}`) : []]),
    ).toEqual([
      ['leave', ['3:city-otaru', '2:pref-01']],
      ['join', ['3:city-chiyoda', '2:pref-13']],
    ]);
  });
});
