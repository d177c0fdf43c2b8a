import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type CompiledForm, compileForm, type FormDefinition } from '../../engine/index.js';
import { SAMPLE_SOURCES } from '../../server/cli/sample-sources.js';

export const FORM_IDS = ['withdrawal', 'enrollment', 'transfer'] as const;
export type FormId = (typeof FORM_IDS)[number];

const root = path.resolve(import.meta.dirname, '../..');

/** The definition file of one of the project's forms, parsed afresh (safe to mutate). */
export function readDefinition(id: string): FormDefinition {
  return JSON.parse(readFileSync(path.join(root, 'forms', id, 'form.json'), 'utf8')) as FormDefinition;
}

export function compileProjectForm(id: string): CompiledForm {
  return compileForm({ definition: readDefinition(id), file: `forms/${id}/form.json`, expectedId: id });
}

/** The example submission that ships with a form (`forms/<id>/examples/*.json`). */
export function readExample(id: FormId): { today: string; data: Record<string, unknown> } {
  const file = { withdrawal: 'manual.json', enrollment: 'sapporo.json', transfer: 'to-tokyo.json' }[id];
  return JSON.parse(readFileSync(path.join(root, 'forms', id, 'examples', file), 'utf8'));
}

export { SAMPLE_SOURCES };
