import { describe, expect, it } from 'vitest';
import { MAIL_EVENTS, type MailHook } from '../../engine/index.js';
import {
  buildMailViewModel,
  type MailRecipient,
  mailModelShape,
  type Shape,
  sampleMailInput,
} from '../../server/mail/index.js';
import { projectForm, projectForms } from './support/mail-fixtures.js';

const withdrawal = projectForm('withdrawal');

describe('the mail view model', () => {
  it('says what the confirm view says, in the member’s language', () => {
    const input = sampleMailInput(withdrawal, 'submitted', { locale: 'ja' });
    const model = buildMailViewModel(input, { kind: 'member' });
    expect(model.member).toEqual({ name: '日医 太郎', registrationNumber: '123456', email: 'taro.nichii@example.jp' });
    expect(model.application).toMatchObject({ formTitle: '退会届', createdAt: '2026/11/25', complete: false });
    const [section] = model.confirm.sections;
    expect(section?.title).toBe('医師会選択');
    expect(section?.rows.map((row) => [row.label, row.value])).toEqual([
      ['退会申請先', '小樽市医師会、北海道医師会、日本医師会'],
      ['退会希望年月日', '2026/12/31'],
      ['退会事由', '廃業・退職'],
    ]);
    expect(section?.rows[0]).toMatchObject({
      isTargets: true,
      facility: '医療法人社団 青柳皮膚科医院',
      targets: [
        { name: '小樽市医師会', layerLabel: '3層' },
        { name: '北海道医師会', layerLabel: '2層' },
        { name: '日本医師会', layerLabel: '1層' },
      ],
    });
    expect(model.fields.reason).toEqual({ label: '退会事由', value: '廃業・退職', shown: true, empty: false });
  });

  it('keeps a field the confirm view hid, marked as not shown', () => {
    const hidden = buildMailViewModel(sampleMailInput(withdrawal, 'submitted'), { kind: 'member' });
    expect(hidden.fields.reasonOther).toEqual({ label: 'その他の退会事由', value: '', shown: false, empty: true });
    const shown = buildMailViewModel(
      sampleMailInput(withdrawal, 'submitted', { data: { reason: 'other', reasonOther: '海外で勤務するため' } }),
      { kind: 'member' },
    );
    expect(shown.fields.reasonOther).toMatchObject({ value: '海外で勤務するため', shown: true });
    expect(shown.fields.reason?.value).toBe('その他');
  });

  it('localizes every text for an English-reading member', () => {
    const model = buildMailViewModel(sampleMailInput(withdrawal, 'submitted', { locale: 'en' }), { kind: 'member' });
    expect(model.locale).toBe('en');
    expect(model.application.formTitle).toBe('Withdrawal');
    expect(model.fields.reason?.value).toBe('Closure or retirement');
    expect(model.fields.withdrawFrom?.targets?.[0]).toEqual({
      name: 'Otaru City Medical Association',
      layer: 3,
      layerLabel: 'Layer 3',
    });
    expect(model.targets[0]).toMatchObject({ statusLabel: 'Submitted', roleLabel: 'Leaving' });
  });

  it('writes to an office in Japanese, whatever the member reads', () => {
    const input = sampleMailInput(withdrawal, 'submitted', { locale: 'en' });
    const model = buildMailViewModel(input, { kind: 'office', associationId: 'hokkaido' });
    expect(model.locale).toBe('ja');
    expect(model.office).toEqual({
      associationId: 'hokkaido',
      name: '北海道医師会',
      layerLabel: '2層',
      email: 'office@hokkaido.example.jp',
    });
    expect(model.contacts).toEqual([]);
    expect(model.toOffice).toBe(true);
  });

  it('names the deciding association and its comment, and only its office as the contact', () => {
    const model = buildMailViewModel(sampleMailInput(withdrawal, 'returned', { comment: '日付をご確認ください。' }), {
      kind: 'member',
    });
    expect(model.decision).toMatchObject({
      association: '小樽市医師会',
      statusLabel: '差戻し',
      comment: '日付をご確認ください。',
    });
    expect(model.contacts.map((contact) => contact.email)).toEqual(['office@otaru.example.jp']);
    expect(buildMailViewModel(sampleMailInput(withdrawal, 'submitted'), { kind: 'member' }).decision).toBeNull();
  });

  it('counts the application complete only when every target approved it', () => {
    const input = sampleMailInput(withdrawal, 'approved');
    expect(buildMailViewModel(input, { kind: 'member' }).application.complete).toBe(false);
    const allApproved = {
      ...input,
      targets: input.targets.map((target) => ({ ...target, status: 'approved' as const })),
    };
    expect(buildMailViewModel(allApproved, { kind: 'member' }).application.complete).toBe(true);
  });

  // The template check trusts mailModelShape; this keeps it equal to what the builder makes.
  it('has exactly the shape the template check assumes, for every form, event and recipient', () => {
    for (const form of projectForms()) {
      for (const event of MAIL_EVENTS) {
        for (const to of ['member', 'target-offices'] as const) {
          const hook: MailHook = { on: event, to, template: 'any' };
          const input = sampleMailInput(form, event, {
            data: form.id === 'withdrawal' ? { reason: 'other', reasonOther: 'x' } : {},
          });
          const recipient: MailRecipient =
            to === 'member' ? { kind: 'member' } : { kind: 'office', associationId: input.targets[0]!.associationId };
          const mismatches = shapeMismatches(buildMailViewModel(input, recipient), mailModelShape(form, hook), '');
          expect(mismatches, `${form.id} ${event} ${to}`).toEqual([]);
        }
      }
    }
  });
});

function shapeMismatches(value: unknown, shape: Shape, path: string): string[] {
  if (shape.kind === 'value') {
    return value === null || ['string', 'number', 'boolean'].includes(typeof value) ? [] : [`${path} is not a value`];
  }
  if (shape.kind === 'list') {
    if (!Array.isArray(value)) return [`${path} is not a list`];
    return value.flatMap((item, index) => shapeMismatches(item, shape.item, `${path}.${index}`));
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${path} is not an object`];
  const record = value as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of Object.keys(record)) {
    if (Object.hasOwn(shape.props, key)) continue;
    if (shape.unavailable && Object.hasOwn(shape.unavailable, key) && record[key] === null) continue;
    problems.push(`${path}.${key} is in the model but not in the shape`);
  }
  for (const [key, child] of Object.entries(shape.props)) {
    if (!Object.hasOwn(record, key)) problems.push(`${path}.${key} is in the shape but not in the model`);
    else problems.push(...shapeMismatches(record[key], child, `${path}.${key}`));
  }
  return problems;
}
