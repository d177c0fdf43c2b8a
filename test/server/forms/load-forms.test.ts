import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { definitionHash, loadForms, projectFolders, readPublishedVersions } from '../../../server/forms/index.js';
import { type FormId, readExample } from '../../support/project-forms.js';

const project = projectFolders(path.resolve(import.meta.dirname, '../../..'));

/** A copy of the project's templates/ folder that a test may break, removed after the test. */
function copyOfTemplates(): string {
  return copyForTheTest(project.templatesDir, 'mamis-templates-');
}

/** A copy of the project's forms/ folder that a test may break, removed after the test. */
function copyOfForms(): string {
  return copyForTheTest(project.formsDir, 'mamis-forms-');
}

function copyForTheTest(folder: string, prefix: string): string {
  const directory = mkdtempSync(path.join(tmpdir(), prefix));
  onTestFinished(() => rmSync(directory, { recursive: true, force: true }));
  cpSync(folder, directory, { recursive: true });
  return directory;
}

function editDefinition(formsDir: string, id: string, edit: (definition: Record<string, unknown>) => void): void {
  const file = path.join(formsDir, id, 'form.json');
  const definition = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  edit(definition);
  writeFileSync(file, JSON.stringify(definition, null, 2));
}

describe('loadForms', () => {
  it('loads and compiles the project’s three forms, each with the hash that was published', async () => {
    const { forms, issues } = await loadForms(project);
    expect(issues).toEqual([]);
    expect([...forms.keys()].sort()).toEqual(['enrollment', 'transfer', 'withdrawal']);
    const published = await readPublishedVersions(project.formsDir);
    for (const { form, hash } of forms.values()) expect(published[form.id]?.[String(form.version)]).toBe(hash);
  });

  it('refuses a published version whose content changed, and accepts it under a new version', async () => {
    const formsDir = copyOfForms();
    editDefinition(formsDir, 'withdrawal', (definition) => {
      (definition.title as Record<string, string>).ja = '退会届（改）';
    });
    const changed = await loadForms({ ...project, formsDir });
    expect(changed.forms.has('withdrawal')).toBe(false);
    expect(changed.issues).toEqual([
      expect.objectContaining({ formId: 'withdrawal', pointer: '/version', code: 'published-version-changed' }),
    ]);
    expect(changed.issues[0]?.message.ja).toContain('version を 2 に上げてください');

    editDefinition(formsDir, 'withdrawal', (definition) => {
      definition.version = 2;
    });
    const raised = await loadForms({ ...project, formsDir });
    expect(raised.issues).toEqual([]);
    expect(raised.forms.get('withdrawal')?.form.version).toBe(2);
  });

  it('hashes content, not formatting', () => {
    const definition = { b: [1, { d: 1, c: 2 }], a: 'x' };
    expect(definitionHash(definition)).toBe(definitionHash({ a: 'x', b: [1, { c: 2, d: 1 }] }));
    expect(definitionHash(definition)).not.toBe(definitionHash({ a: 'y', b: [1, { c: 2, d: 1 }] }));
  });

  it('reports a definition that is not JSON and keeps the others', async () => {
    const formsDir = copyOfForms();
    writeFileSync(path.join(formsDir, 'transfer', 'form.json'), '{ "id": "transfer", }');
    const { forms, issues } = await loadForms({ ...project, formsDir });
    expect(issues.map((issue) => [issue.formId, issue.code])).toEqual([['transfer', 'not-json']]);
    expect([...forms.keys()].sort()).toEqual(['enrollment', 'withdrawal']);
  });

  describe('on the files a passed check read', () => {
    it('compiles them without checking again, into the same forms', async () => {
      const checked = await loadForms({ ...project, build: 'build-1' });
      expect(checked.checkSkipped).toBe(false);
      expect(checked.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
      const again = await loadForms({ ...project, build: 'build-1', passedCheck: checked.fingerprint });
      expect(again.checkSkipped).toBe(true);
      expect(again.fingerprint).toBe(checked.fingerprint);
      expect(again.issues).toEqual([]);
      expect([...again.forms.keys()]).toEqual([...checked.forms.keys()]);
      for (const [id, { form, hash, file }] of checked.forms) {
        const twin = again.forms.get(id)!;
        expect([twin.hash, twin.file]).toEqual([hash, file]);
        expect(twin.form.definition).toEqual(form.definition);
        expect(twin.form.dataSchema).toEqual(form.dataSchema);
        // The same validation: Ajv compiles the same schema, at the first use instead of now.
        for (const data of [readExample(id as FormId).data, {}, { unknown: 1 }]) {
          expect(twin.form.validateSchema(data)).toBe(form.validateSchema(data));
          expect(twin.form.validateSchema.errors).toEqual(form.validateSchema.errors);
        }
      }
    });

    it('checks everything again when a template, a definition, published.json or the build differs', async () => {
      const formsDir = copyOfForms();
      const templatesDir = copyOfTemplates();
      const folders = { formsDir, templatesDir };
      const passed = (await loadForms({ ...folders, build: 'build-1' })).fingerprint;

      const otherBuild = await loadForms({ ...folders, build: 'build-2', passedCheck: passed });
      expect(otherBuild.checkSkipped).toBe(false);

      const template = path.join(templatesDir, 'common', 'office-submitted', 'text.ja.hbs');
      writeFileSync(template, `${readFileSync(template, 'utf8')}\n{{member.nme}}\n`);
      const brokenTemplate = await loadForms({ ...folders, build: 'build-1', passedCheck: passed });
      expect(brokenTemplate.checkSkipped).toBe(false);
      expect(brokenTemplate.issues.map((issue) => issue.code)).toContain('template-unknown-value');

      const fixed = copyOfTemplates();
      editDefinition(formsDir, 'transfer', (definition) => {
        (definition.fields as Record<string, Record<string, unknown>>).notAField = { label: { ja: 'x', en: 'x' } };
      });
      const brokenDefinition = await loadForms({
        formsDir,
        templatesDir: fixed,
        build: 'build-1',
        passedCheck: passed,
      });
      expect(brokenDefinition.checkSkipped).toBe(false);
      expect(brokenDefinition.issues.map((issue) => [issue.formId, issue.code])).toContainEqual([
        'transfer',
        'field-not-in-schema',
      ]);

      const published = path.join(copyOfForms(), 'published.json');
      writeFileSync(published, '{}\n');
      const unpublished = await loadForms({
        formsDir: path.dirname(published),
        templatesDir: fixed,
        build: 'build-1',
        passedCheck: passed,
      });
      expect(unpublished.checkSkipped).toBe(false);
    });

    it('are never skipped when run from source (no build)', async () => {
      const loaded = await loadForms(project);
      expect(loaded.fingerprint).toBeUndefined();
      expect(loaded.checkSkipped).toBe(false);
    });
  });
});
