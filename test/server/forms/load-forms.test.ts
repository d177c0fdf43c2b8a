import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { definitionHash, loadForms, projectFolders, readPublishedVersions } from '../../../server/forms/index.js';

const project = projectFolders(path.resolve(import.meta.dirname, '../../..'));

/** A copy of the project's forms/ folder that a test may break. */
function copyOfForms(): string {
  const directory = mkdtempSync(path.join(tmpdir(), 'mamis-forms-'));
  cpSync(project.formsDir, directory, { recursive: true });
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
});
