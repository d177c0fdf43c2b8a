import { describe, expect, it } from 'vitest';
import { readTemplateSources } from '../../server/mail/index.js';
import { mergeOver, PreviewError, previewMail } from '../../server/mail/preview-mail.js';
import { projectForms, TEMPLATES_DIR } from './support/mail-fixtures.js';

const forms = projectForms();

describe('previewing a template', () => {
  it('renders a shared template from 日医 太郎’s withdrawal, with the hook that uses it', async () => {
    const preview = previewMail({
      forms,
      sources: await readTemplateSources(TEMPLATES_DIR),
      template: 'common/member-returned',
      locale: 'ja',
    });
    expect(preview.form.id).toBe('withdrawal');
    expect(preview.hook).toMatchObject({ on: 'returned', to: 'member' });
    expect(preview.rendered.subject).toBe('【MAMIS】退会届が差し戻されました（小樽市医師会）');
    expect(preview.rendered.text).toContain('■ 事務局からのコメント');
    expect(preview.issues).toEqual([]);
  });

  it('uses the form asked for, and lays data over the sample values', async () => {
    const preview = previewMail({
      forms,
      sources: await readTemplateSources(TEMPLATES_DIR),
      template: 'common/office-submitted',
      locale: 'ja',
      formId: 'enrollment',
      overrides: { member: { name: '医師 花子' } },
    });
    expect(preview.rendered.subject).toBe('【MAMIS】入会届が提出されました（医師 花子 様）');
    expect(preview.model.member.email).toBe('taro.nichii@example.jp');
  });

  it('says which templates exist when none of the forms names the one asked for', async () => {
    const sources = await readTemplateSources(TEMPLATES_DIR);
    expect(() => previewMail({ forms, sources, template: 'withdrawal/received', locale: 'ja' })).toThrow(PreviewError);
    expect(() => previewMail({ forms, sources, template: 'withdrawal/received', locale: 'ja' })).toThrow(
      /withdrawal\/member-submitted/,
    );
  });

  it('merges objects key by key, replaces lists and ignores prototype keys', () => {
    const merged = mergeOver(
      { a: { b: 1, c: 2 }, list: [1, 2] },
      JSON.parse('{"a":{"c":3},"list":[9],"__proto__":{"x":1}}'),
    );
    expect(merged).toEqual({ a: { b: 1, c: 3 }, list: [9] });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
