import { describe, expect, it } from 'vitest';
import {
  buildMailViewModel,
  compileMailTemplates,
  loadMailTemplates,
  MailTemplateError,
  renderApplicationMails,
  sampleMailInput,
  type TemplateSources,
} from '../../server/mail/index.js';
import { projectForm, projectTemplates } from './support/mail-fixtures.js';

const withdrawal = projectForm('withdrawal');
const HOSTILE = '<script>alert("x")</script> {{member.email}} & 〒060';

describe('rendering mail templates', () => {
  it('renders the member’s confirmation with what the confirm view said', async () => {
    const templates = await projectTemplates();
    const [mail] = renderApplicationMails(sampleMailInput(withdrawal, 'submitted'), { templates });
    expect(mail?.to).toBe('taro.nichii@example.jp');
    expect(mail?.rendered.subject).toBe('【MAMIS】退会届を受け付けました');
    expect(mail?.rendered.text).toContain('日医 太郎 様');
    expect(mail?.rendered.text).toContain('以下の内容で退会の申請を受け付けました。');
    expect(mail?.rendered.text).toContain('所属施設名：医療法人社団 青柳皮膚科医院');
    expect(mail?.rendered.text).toContain('[3層] 小樽市医師会');
    expect(mail?.rendered.text).toContain('退会希望年月日：2026/12/31');
    expect(mail?.rendered.text).toContain('退会事由：廃業・退職');
    expect(mail?.rendered.html).toContain('<html lang="ja">');
    expect(mail?.rendered.html).toContain('<title>【MAMIS】退会届を受け付けました</title>');
  });

  it('notifies each target office once, in Japanese, naming the member in the subject', async () => {
    const templates = await projectTemplates();
    const mails = renderApplicationMails(sampleMailInput(withdrawal, 'submitted', { locale: 'en' }), { templates });
    const offices = mails.filter((mail) => mail.hook.to === 'target-offices');
    expect(offices.map((mail) => mail.to)).toEqual([
      'office@otaru.example.jp',
      'office@hokkaido.example.jp',
      'office@jma.example.jp',
    ]);
    for (const mail of offices) {
      expect(mail.locale).toBe('ja');
      expect(mail.rendered.subject).toBe('【MAMIS】退会届が提出されました（日医 太郎 様）');
    }
    expect(offices[1]?.rendered.text).toContain('北海道医師会 事務局 御中');
    const member = mails.find((mail) => mail.hook.to === 'member');
    expect(member?.rendered.subject).toBe('[MAMIS] Your withdrawal application has been received');
    expect(member?.rendered.text).toContain('Withdrawal from:');
  });

  it('sends one notice to an office that two targets share', async () => {
    const templates = await projectTemplates();
    const input = sampleMailInput(withdrawal, 'submitted');
    const shared = {
      ...input,
      targets: input.targets.map((target) => ({ ...target, officeEmail: 'office@hokkaido.example.jp' })),
    };
    const offices = renderApplicationMails(shared, { templates }).filter((mail) => mail.hook.to === 'target-offices');
    expect(offices.map((mail) => mail.to)).toEqual(['office@hokkaido.example.jp']);
  });

  it('puts the office’s comment into the returned mail, and 和暦 into the approval', async () => {
    const templates = await projectTemplates();
    const [returned] = renderApplicationMails(
      sampleMailInput(withdrawal, 'returned', { comment: '退会希望年月日を月末にしてください。' }),
      { templates },
    );
    expect(returned?.rendered.subject).toBe('【MAMIS】退会届が差し戻されました（小樽市医師会）');
    expect(returned?.rendered.text).toMatch(/■ 事務局からのコメント\n退会希望年月日を月末にしてください。/);
    const [approved] = renderApplicationMails(sampleMailInput(withdrawal, 'approved'), { templates });
    expect(approved?.rendered.text).toContain('退会年月日：2026/12/31（令和8年12月31日）');
    expect(approved?.rendered.text).toContain('[3層] 小樽市医師会（退会）：承認');
  });

  it('escapes member input in HTML and keeps it verbatim in text, never evaluating it', async () => {
    const templates = await projectTemplates();
    const input = sampleMailInput(withdrawal, 'submitted', { data: { reason: 'other', reasonOther: HOSTILE } });
    const [mail] = renderApplicationMails(input, { templates });
    const html = mail?.rendered.html ?? '';
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; {{member.email}} &amp; 〒060');
    expect(html).not.toContain('<script>');
    expect(mail?.rendered.text).toContain(`その他の退会事由：${HOSTILE}`);
    expect(mail?.rendered.text).not.toContain('その他の退会事由：<script>alert("x")</script> taro.nichii@example.jp');
  });

  it('keeps a subject on one line even when a name holds a line break', async () => {
    const templates = await projectTemplates();
    const input = sampleMailInput(withdrawal, 'submitted');
    const broken = { ...input, member: { ...input.member, name: '日医\r\nBcc: victim@example.jp 太郎' } };
    const office = renderApplicationMails(broken, { templates }).find((mail) => mail.hook.to === 'target-offices');
    expect(office?.rendered.subject).toBe('【MAMIS】退会届が提出されました（日医 Bcc: victim@example.jp 太郎 様）');
    expect(office?.rendered.subject).not.toMatch(/[\r\n]/);
  });

  it('gives a template no way to reach prototypes or call helpers it was not given', () => {
    const templates = compileMailTemplates(
      inlineSources('[{{member.constructor}}][{{member.__proto__}}][{{date member.name}}]'),
    );
    const model = buildMailViewModel(sampleMailInput(withdrawal, 'submitted'), { kind: 'member' });
    expect(templates.render('probe', 'ja', model).text).toBe('[][][日医 太郎]\n');
    expect(() => compileMailTemplates(inlineSources('{{lookup member "name"}}'))).toThrow(MailTemplateError);
    expect(() => compileMailTemplates(inlineSources('{{shout member.name}}'))).toThrow(/shout/);
  });

  it('refuses to load a template that does not parse, naming the file and line', async () => {
    const error = (() => {
      try {
        compileMailTemplates(inlineSources('line one\n{{#if member.name}}\nnever closed'));
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(MailTemplateError);
    expect(error).toMatchObject({ file: 'templates/probe/text.ja.hbs' });
    await expect(loadMailTemplates('/nonexistent/templates')).resolves.toMatchObject({ names: new Set() });
  });
});

/** One template `probe` whose text body is `text`; the other parts are plain. */
function inlineSources(text: string): TemplateSources {
  const file = (part: string, source: string) => ({ file: `templates/probe/${part}.ja.hbs`, source });
  return {
    root: 'templates',
    templates: new Map([
      [
        'probe',
        {
          name: 'probe',
          files: new Map([
            ['subject.ja', file('subject', 'probe')],
            ['html.ja', file('html', '<p>probe</p>')],
            ['text.ja', file('text', text)],
          ] as const),
        },
      ],
    ]),
    layouts: new Map(),
    partials: new Map(),
    strays: [],
  };
}
