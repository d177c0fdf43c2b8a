import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, runCli } from '../../support/run-cli.js';

function forms(...args: string[]) {
  return runCli('server/cli/forms-cli.ts', args);
}

describe('npm run forms -- check with mail templates', () => {
  let workDir: string;
  let formsDir: string;
  let templatesDir: string;

  /** Copies of the project's forms and templates, under their own names so messages show `forms/…` and `templates/…`. */
  beforeEach(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), 'mamis-cli-templates-'));
    formsDir = path.join(workDir, 'forms');
    templatesDir = path.join(workDir, 'templates');
    await cp(path.join(PROJECT_ROOT, 'forms'), formsDir, { recursive: true });
    await cp(path.join(PROJECT_ROOT, 'templates'), templatesDir, { recursive: true });
  });
  afterEach(async () => {
    await rm(workDir, { recursive: true, force: true });
  });

  const check = (...args: string[]) => forms('check', '--forms', formsDir, '--templates', templatesDir, ...args);

  async function edit(file: string, change: (source: string) => string): Promise<void> {
    const target = path.join(workDir, file);
    await writeFile(target, change(await readFile(target, 'utf8')));
  }

  it('passes the intact copies', async () => {
    const result = await check();
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('OK: enrollment@1, transfer@1, withdrawal@1');
  });

  it('fails when a mail hook names a template that does not exist', async () => {
    await edit('forms/withdrawal/form.json', (source) => {
      const definition = JSON.parse(source);
      definition.mail[6].template = 'withdrawal/member-aproved';
      return JSON.stringify(definition, null, 2);
    });
    const result = await check();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('withdrawal (forms/withdrawal/form.json) /mail/6/template [template-missing]');
    expect(result.stderr).toContain('メールテンプレート「withdrawal/member-aproved」がありません');
    expect(result.stderr).toContain('templates/withdrawal/member-aproved/ を作るか、名前を直してください');
    expect(result.stderr).toContain('1件の問題があります');
    expect(result.stdout).toBe('');
  });

  it('fails when a template the forms name is missing from the templates folder', async () => {
    await rm(path.join(templatesDir, 'enrollment', 'member-approved'), { recursive: true });
    const result = await check('--lang', 'en');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('enrollment (forms/enrollment/form.json) /mail/6/template [template-missing]');
    expect(result.stderr).toContain('There is no mail template "enrollment/member-approved"');
    expect(result.stderr).toContain('1 problem(s).');
  });

  it('fails when a template uses a field the form does not have, naming the template file, line and column', async () => {
    await edit('templates/withdrawal/member-submitted/text.ja.hbs', (source) =>
      source.replace('{{member.name}} 様', '{{member.name}} 様\nその他：{{fields.reasonOthr.value}}'),
    );
    const result = await check();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'withdrawal (templates/withdrawal/member-submitted/text.ja.hbs) 2:7 [template-unknown-value]',
    );
    expect(result.stderr).toContain('fields.reasonOthr.value');
    expect(result.stderr).toContain('「fields.reasonOther」');
    expect(result.stderr).toContain('withdrawal /mail/0/template');
    expect(result.stderr).toContain('1件の問題があります');
  });
});
