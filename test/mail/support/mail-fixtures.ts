import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type CompiledForm, compileForm } from '../../../engine/index.js';
import type { ApplicationMailInput } from '../../../server/mail/index.js';
import { loadMailTemplates, type MailClock, type MailTemplates } from '../../../server/mail/index.js';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../../..');
export const TEMPLATES_DIR = path.join(PROJECT_ROOT, 'templates');
export const FORM_IDS = ['withdrawal', 'enrollment', 'transfer'] as const;

/** A real form definition of the project, checked and compiled by the engine. */
export function projectForm(id: string): CompiledForm {
  const file = `forms/${id}/form.json`;
  const definition = JSON.parse(readFileSync(path.join(PROJECT_ROOT, file), 'utf8')) as unknown;
  return compileForm({ definition, file, expectedId: id });
}

export function projectForms(): CompiledForm[] {
  return FORM_IDS.map(projectForm);
}

let templates: Promise<MailTemplates> | undefined;
/** The project's templates, compiled once per test file. */
export function projectTemplates(): Promise<MailTemplates> {
  templates ??= loadMailTemplates(TEMPLATES_DIR);
  return templates;
}

/** A clock the test moves by hand. */
export interface TestClock extends MailClock {
  advance(ms: number): void;
}

export function testClock(start = new Date('2026-11-25T01:30:00Z')): TestClock {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance(ms) {
      now += ms;
    },
  };
}

/** The same application under another id, as a second filing would be. */
export function withApplicationId(input: ApplicationMailInput, id: string): ApplicationMailInput {
  return { ...input, application: { ...input.application, id } };
}

/** Waits until `condition` holds, checking every 20 ms, or fails after `timeoutMs`. */
export async function eventually(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
