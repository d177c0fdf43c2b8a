import { describe, expect, it } from 'vitest';
import { issueMarks, issueRange } from '../../web-components/studio/issue-diagnostics.js';
import type { StudioIssue } from '../../web-components/studio/studio-types.js';

const TEXT = JSON.stringify(
  {
    id: 'withdrawal',
    fields: { reasonOther: { lable: { ja: 'その他' }, widget: 'text' } },
    mail: [{ on: 'submitted', to: 'member', template: 'withdrawal/member-submitted' }],
  },
  null,
  2,
);

function issue(pointer: string, en: string, file = 'studio:withdrawal'): StudioIssue {
  return { formId: 'withdrawal', file, pointer, code: 'test', message: { ja: `ja: ${en}`, en } };
}

const marked = (pointer: string, en: string, file?: string) => {
  const range = issueRange(TEXT, issue(pointer, en, file));
  return TEXT.slice(range.from, range.to);
};

describe('where an issue is marked in the editor', () => {
  it('marks the key a message names in the object at the pointer (a misspelt setting)', () => {
    expect(marked('/fields/reasonOther', 'There is no setting "lable". Check the spelling.')).toBe('"lable"');
  });

  it("marks the object's own key when the message names none of its keys (a missing setting)", () => {
    expect(marked('/fields/reasonOther', '"label" is missing. Add it.')).toBe('"reasonOther"');
  });

  it('marks a scalar value itself', () => {
    expect(marked('/mail/0/template', 'There is no mail template')).toBe('"withdrawal/member-submitted"');
  });

  it("marks a template file's problem on the mail hook that uses the file", () => {
    const en = 'Unknown value fields.reasonOthr [withdrawal /mail/0/template (submitted → member)]';
    expect(marked('12:5', en, 'templates/withdrawal/member-submitted/text.ja.hbs')).toBe(
      '"withdrawal/member-submitted"',
    );
  });

  it('marks the first character when nothing in the text matches', () => {
    expect(marked('3:1', 'A layout problem', 'templates/_layouts/html.ja.hbs')).toBe('{');
  });

  it("gives each mark the message in the editor's language", () => {
    const [mark] = issueMarks(TEXT, [issue('/id', 'Wrong id')], 'ja');
    expect(mark).toMatchObject({ message: 'ja: Wrong id', code: 'test' });
    expect(TEXT.slice(mark!.from, mark!.to)).toBe('"withdrawal"');
  });
});
