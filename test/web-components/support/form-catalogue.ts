import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  type CompiledForm,
  compileForm,
  type FormDefinition,
  standaloneValidatorModule,
} from '../../../engine/index.js';

export const FORM_IDS = ['withdrawal', 'enrollment', 'transfer'] as const;

/** The project's own definitions, compiled as the server compiles them, with their validator modules. */
export function loadForms(): Map<string, { form: CompiledForm; validator: string }> {
  const forms = new Map<string, { form: CompiledForm; validator: string }>();
  for (const id of FORM_IDS) forms.set(id, compile(readDefinition(id)));
  return forms;
}

export function readDefinition(id: string): FormDefinition {
  const file = fileURLToPath(new URL(`../../../forms/${id}/form.json`, import.meta.url));
  return JSON.parse(readFileSync(file, 'utf8')) as FormDefinition;
}

export function compile(definition: FormDefinition): { form: CompiledForm; validator: string } {
  const form = compileForm({ definition, file: `${definition.id}.json` });
  return { form, validator: standaloneValidatorModule(form) };
}
