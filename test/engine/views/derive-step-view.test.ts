import { describe, expect, it } from 'vitest';
import { deriveStepView, type ValidationContext } from '../../../engine/index.js';
import { compileProjectForm, SAMPLE_SOURCES } from '../../support/project-forms.js';

const ja: ValidationContext = { today: '2026-11-25', locale: 'ja', sources: SAMPLE_SOURCES };

describe('deriveStepView', () => {
  const withdrawal = compileProjectForm('withdrawal');

  it('numbers the stepper as the manual: 1 医師会選択 — 2 確認・申請', () => {
    const view = deriveStepView(withdrawal, 'select', {}, ja);
    expect(view.progress).toEqual([
      { number: 1, stepId: 'select', title: '医師会選択', state: 'current' },
      { number: 2, stepId: 'confirm', title: '確認・申請', state: 'todo' },
    ]);
    expect(deriveStepView(withdrawal, 'confirm', {}, ja).progress.map((item) => item.state)).toEqual([
      'done',
      'current',
    ]);
  });

  it('gives the retention screen its benefits and both buttons', () => {
    const view = deriveStepView(withdrawal, 'retention', {}, ja);
    expect(view.type).toBe('interstitial');
    expect(view.cancelLabel).toBe('入会を継続する');
    expect(view.nextLabel).toBe('退会する');
    const list = view.blocks.find((block) => block.type === 'list');
    expect(list?.type === 'list' && list.items).toHaveLength(6);
    expect(deriveStepView(withdrawal, 'reconfirm', {}, ja)).toMatchObject({
      presentation: 'dialog',
      title: '本当に退会しますか？',
      nextLabel: '実行する',
      cancelLabel: 'キャンセル',
    });
  });

  it('shows the other reason only while その他 is chosen, and requires it then', () => {
    const hidden = deriveStepView(withdrawal, 'select', { reason: 'death' }, ja).fields.find(
      (f) => f.name === 'reasonOther',
    );
    expect(hidden).toMatchObject({ visible: false, required: false });
    const shown = deriveStepView(withdrawal, 'select', { reason: 'other' }, ja).fields.find(
      (f) => f.name === 'reasonOther',
    );
    expect(shown).toMatchObject({ visible: true, required: true, maxCharacters: 50, hint: '(全角/半角50文字以内)' });
  });

  it('gives the layers picker the member’s groups with facility and layer labels', () => {
    const field = deriveStepView(withdrawal, 'select', {}, ja).fields[0]!;
    expect(field.widget).toBe('association-layers');
    expect(field.cascade).toBe('upward');
    expect(field.groups).toEqual([
      {
        id: 'group-aoyagi',
        facility: '医療法人社団 青柳皮膚科医院',
        associations: [
          { id: 'city-otaru', name: '小樽市医師会', layer: 3, layerLabel: '3層' },
          { id: 'pref-01', name: '北海道医師会', layer: 2, layerLabel: '2層' },
          { id: 'jma', name: '日本医師会', layer: 1, layerLabel: '1層' },
        ],
      },
    ]);
    const date = deriveStepView(withdrawal, 'select', {}, ja).fields[1]!;
    expect(date).toMatchObject({ widget: 'date', minDate: '2026-11-25', placeholder: 'yyyy/mm/dd' });
  });

  it('narrows a dependent source to the chosen parent, in English too', () => {
    const enrollment = compileProjectForm('enrollment');
    const none = deriveStepView(enrollment, 'affiliation', {}, ja).fields.find((f) => f.name === 'joinTo');
    expect(none?.groups).toEqual([]);
    const tokyo = deriveStepView(enrollment, 'affiliation', { prefecture: 'pref-13' }, { ...ja, locale: 'en' });
    expect(tokyo.fields.find((f) => f.name === 'joinTo')?.groups.map((g) => g.id)).toEqual(['chain:city-chiyoda']);
    expect(tokyo.fields.find((f) => f.name === 'prefecture')?.options).toEqual([
      { value: 'pref-01', label: 'Hokkaido Medical Association' },
      { value: 'pref-13', label: 'Tokyo Medical Association' },
    ]);
  });

  it('refuses a step the form does not have', () => {
    expect(() => deriveStepView(withdrawal, 'nope', {}, ja)).toThrow(RangeError);
  });
});
