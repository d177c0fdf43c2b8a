import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A form definition as the studio edits it: plain JSON. */
// biome-ignore lint/suspicious/noExplicitAny: tests edit definitions freely, as staff do in the editor
export type Definition = Record<string, any>;

/** The project's `forms/<id>/form.json`, parsed afresh (each test edits its own copy). */
export function projectDefinition(formId: string): Definition {
  return JSON.parse(readFileSync(join(process.cwd(), 'forms', formId, 'form.json'), 'utf8')) as Definition;
}

/** The withdrawal with one label changed: a small, valid edit. */
export function withdrawalWithDateLabel(ja: string): Definition {
  const definition = projectDefinition('withdrawal');
  definition.fields.withdrawalDate.label = { ja, en: 'Date of withdrawal' };
  return definition;
}

/** The manual's example, as `forms/withdrawal/examples/manual.json` gives it (for the sample member). */
export function manualExample(): { today: string; data: Record<string, unknown> } {
  return JSON.parse(readFileSync(join(process.cwd(), 'forms', 'withdrawal', 'examples', 'manual.json'), 'utf8'));
}
