import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DefinitionIssue, formatIssue } from '../../engine/index.js';
import { checkTemplateReferences } from '../../server/mail/index.js';
import { projectForms, TEMPLATES_DIR } from './support/mail-fixtures.js';

const forms = projectForms();
let workDir: string;
let templatesDir: string;

/** A copy of the project's templates that a test may break. */
beforeEach(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'mamis-templates-'));
  templatesDir = path.join(workDir, 'templates');
  await cp(TEMPLATES_DIR, templatesDir, { recursive: true });
});
afterEach(async () => {
  await rm(workDir, { recursive: true, force: true });
});

async function edit(file: string, change: (source: string) => string): Promise<void> {
  const target = path.join(templatesDir, file);
  await writeFile(target, change(await readFile(target, 'utf8')));
}

const check = () => checkTemplateReferences({ forms, templatesDir });
const codes = (issues: readonly DefinitionIssue[]) =>
  issues.map((issue) => `${issue.formId} ${issue.code} ${issue.file}`);

describe('checking mail templates against the forms that use them', () => {
  it('passes every template the three forms name', async () => {
    const issues = await checkTemplateReferences({ forms, templatesDir: TEMPLATES_DIR });
    expect(issues.map((issue) => formatIssue(issue, 'en'))).toEqual([]);
  });

  it('catches a mistyped field name, with the line, the column and the name meant', async () => {
    await edit('withdrawal/member-submitted/text.ja.hbs', (source) =>
      source.replace('{{member.name}} 様', '{{member.name}} 様\nその他：{{fields.reasonOthr.value}}'),
    );
    const issues = await check();
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      formId: 'withdrawal',
      file: 'templates/withdrawal/member-submitted/text.ja.hbs',
      pointer: '2:7',
      code: 'template-unknown-value',
    });
    expect(issues[0]?.message.en).toContain('"fields.reasonOthr.value" is not a value this mail has');
    expect(issues[0]?.message.en).toContain('Did you mean "fields.reasonOther"?');
    expect(issues[0]?.message.ja).toContain('/mail/0/template');
  });

  it('reports a typo in a shared template for every form that uses it', async () => {
    await edit('common/member-withdrawn/subject.ja.hbs', () => '【MAMIS】{{member.nme}} 様の申請を取り下げました\n');
    const issues = await check();
    expect(codes(issues)).toEqual([
      'withdrawal template-unknown-value templates/common/member-withdrawn/subject.ja.hbs',
      'enrollment template-unknown-value templates/common/member-withdrawn/subject.ja.hbs',
      'transfer template-unknown-value templates/common/member-withdrawn/subject.ja.hbs',
    ]);
    expect(issues[0]?.message.en).toContain('Did you mean "member.name"?');
  });

  it('refuses a field that only some of the forms sharing a template have', async () => {
    await edit(
      'common/member-in-review/text.ja.hbs',
      (source) => `${source}退会希望年月日：{{fields.withdrawalDate.value}}\n`,
    );
    expect(codes(await check())).toEqual([
      'enrollment template-unknown-value templates/common/member-in-review/text.ja.hbs',
      'transfer template-unknown-value templates/common/member-in-review/text.ja.hbs',
    ]);
  });

  it('refuses a decision in a mail that is not about one, and an office in mail to the member', async () => {
    await edit(
      'withdrawal/member-submitted/text.en.hbs',
      (source) => `${source}{{decision.comment}} {{office.name}}\n`,
    );
    const issues = await check();
    expect(issues.map((issue) => issue.code)).toEqual(['template-unknown-value', 'template-unknown-value']);
    expect(issues[0]?.message.en).toContain('decision exists only in mail about a decision');
    expect(issues[1]?.message.en).toContain('office exists only in mail to offices');
  });

  it('reports a template that does not parse', async () => {
    await edit(
      'withdrawal/member-approved/html.ja.hbs',
      (source) => `${source}{{#if application.complete}}\n<p>unclosed</p>\n`,
    );
    const issues = await check();
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      formId: 'withdrawal',
      file: 'templates/withdrawal/member-approved/html.ja.hbs',
      code: 'template-syntax',
    });
  });

  it('refuses unescaped output in HTML, unknown helpers and run-time lookups', async () => {
    await edit(
      'transfer/member-submitted/html.ja.hbs',
      (source) => `${source}{{{member.name}}}{{shout member.name}}\n`,
    );
    await edit('transfer/member-submitted/text.ja.hbs', (source) => `${source}{{lookup fields "reason"}}\n`);
    const found = (await check()).map((issue) => `${issue.code} ${issue.file}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'template-unescaped templates/transfer/member-submitted/html.ja.hbs',
        'template-helper-unknown templates/transfer/member-submitted/html.ja.hbs',
        'template-helper-unknown templates/transfer/member-submitted/text.ja.hbs',
      ]),
    );
  });

  it('refuses a group of values written as text', async () => {
    await edit('enrollment/member-approved/text.ja.hbs', (source) => `${source}{{fields.memberClass}}\n`);
    const issues = await check();
    expect(issues.map((issue) => issue.code)).toEqual(['template-not-text']);
    expect(issues[0]?.message.en).toContain('Choose one of its values: label, value, shown, empty');
  });

  it('follows partials: a typo inside one is reported in the partial’s file, with the template that used it', async () => {
    await edit('_partials/confirm-table.text.ja.hbs', (source) =>
      source.replace('{{label}}：{{value}}', '{{labl}}：{{value}}'),
    );
    const issues = await check();
    expect(new Set(issues.map((issue) => issue.file))).toEqual(
      new Set(['templates/_partials/confirm-table.text.ja.hbs']),
    );
    expect(issues[0]?.message.en).toMatch(/used from templates\/.+\/text\.ja\.hbs:\d+:\d+/);
    expect(issues[0]?.message.en).toContain('Did you mean "label"?');
  });

  it('reports a partial that does not exist', async () => {
    await edit('common/office-submitted/text.ja.hbs', (source) =>
      source.replace('{{> confirm-table}}', '{{> confirm-tabel}}'),
    );
    const issues = await check();
    expect(issues.map((issue) => issue.code)).toEqual([
      'template-partial-missing',
      'template-partial-missing',
      'template-partial-missing',
    ]);
    expect(issues[0]?.message.en).toContain('Did you mean "confirm-table"?');
  });

  it('requires English files for member mail only, and reports a misnamed file', async () => {
    await rm(path.join(templatesDir, 'withdrawal/member-submitted/text.en.hbs'));
    await writeFile(path.join(templatesDir, 'withdrawal/member-submitted/text.jp.hbs'), 'typo');
    const issues = await check();
    expect(codes(issues)).toEqual([
      'withdrawal template-file-missing templates/withdrawal/member-submitted/text.en.hbs',
      'withdrawal template-file-unknown templates/withdrawal/member-submitted/text.jp.hbs',
    ]);
    // The office templates have no English files, and need none.
    await expect(readFile(path.join(TEMPLATES_DIR, 'common/office-submitted/text.en.hbs'))).rejects.toThrow();
  });

  it('reports a template folder that is missing altogether', async () => {
    await rm(path.join(templatesDir, 'enrollment/member-approved'), { recursive: true });
    expect(codes(await check())).toEqual(['enrollment template-missing templates/enrollment/member-approved/']);
  });
});
