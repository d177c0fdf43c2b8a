import type { DefinitionIssue, Locale, MailHook, RuntimeForm } from '../../engine/index.js';
import { buildMailViewModel, type MailRecipient } from './build-mail-view-model.js';
import { checkTemplateSources } from './check-template-references.js';
import { compileMailTemplates, type RenderedMail } from './mail-templates.js';
import type { MailViewModel } from './mail-view-model.js';
import { sampleMailInput } from './sample-mail-input.js';
import type { TemplateSources } from './template-sources.js';

export interface PreviewMailInput {
  readonly forms: readonly RuntimeForm[];
  readonly sources: TemplateSources;
  /** The template folder, e.g. `withdrawal/member-submitted`. */
  readonly template: string;
  readonly locale: Locale;
  /** Use this form's hook when several forms name the template; by default the withdrawal's. */
  readonly formId?: string | undefined;
  /** Merged over the sample view model: objects key by key, anything else replaced. */
  readonly overrides?: unknown;
}

export interface MailPreview {
  readonly form: RuntimeForm;
  readonly hook: MailHook;
  readonly model: MailViewModel;
  readonly rendered: RenderedMail;
  /** What the template check says about this template, for this form. */
  readonly issues: readonly DefinitionIssue[];
}

/** The template is not named by any form (or not by the one asked for). */
export class PreviewError extends Error {
  override readonly name = 'PreviewError';
}

/**
 * Renders a template as a real mail would be, from a sample application of a form whose hooks
 * name it (日医 太郎's withdrawal for the shared ones), so staff see a change before it goes out.
 */
export function previewMail(input: PreviewMailInput): MailPreview {
  const users = input.forms.flatMap((form) =>
    (form.definition.mail ?? []).filter((hook) => hook.template === input.template).map((hook) => ({ form, hook })),
  );
  const chosen = input.formId
    ? users.find((use) => use.form.id === input.formId)
    : (users.find((use) => use.form.id === 'withdrawal') ?? users[0]);
  if (!chosen) {
    const named = [
      ...new Set(input.forms.flatMap((form) => (form.definition.mail ?? []).map((hook) => hook.template))),
    ];
    throw new PreviewError(
      `No form${input.formId ? ` "${input.formId}"` : ''} names the template "${input.template}" in its mail hooks. Templates in use: ${named.sort().join(', ')}`,
    );
  }
  const { form, hook } = chosen;
  const issues = checkTemplateSources([form], input.sources, { template: input.template });
  const sample = sampleMailInput(form, hook.on, { locale: input.locale });
  const recipient: MailRecipient =
    hook.to === 'member'
      ? { kind: 'member' }
      : { kind: 'office', associationId: sample.targets[0]?.associationId ?? '' };
  const built = buildMailViewModel(sample, recipient, { portalUrl: 'https://mamis.example.jp/' });
  // Offices read Japanese in real mail; a preview may still ask for the other language.
  const model = mergeOver({ ...built, locale: input.locale }, input.overrides) as MailViewModel;
  const rendered = compileMailTemplates(input.sources).render(input.template, input.locale, model);
  return { form, hook, model, rendered, issues };
}

/** `overrides` laid over `base`: plain objects merge key by key, anything else replaces. */
export function mergeOver(base: unknown, overrides: unknown): unknown {
  if (overrides === undefined) return base;
  if (!isPlainObject(base) || !isPlainObject(overrides)) return overrides;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    merged[key] = mergeOver(merged[key], value);
  }
  return merged;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
