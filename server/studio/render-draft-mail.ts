import {
  type CompiledForm,
  type ConfirmTarget,
  type ConfirmView,
  deriveConfirmView,
  type Locale,
  type MailHook,
  type ResolvedSources,
  validateSubmission,
} from '../../engine/index.js';
import { BadRequestError } from '../errors/app-errors.js';
import type { ApplicationMailInput } from '../mail/application-mail.js';
import { buildMailViewModel, type MailRecipient } from '../mail/build-mail-view-model.js';
import type { MailTemplates, RenderedMail } from '../mail/mail-templates.js';
import { sampleMailInput } from '../mail/sample-mail-input.js';

export interface DraftMailOptions {
  readonly template: string;
  readonly locale: Locale;
  /** Test data; without it (or with no fields), the mail module's own sample application. */
  readonly data: Record<string, unknown> | undefined;
  readonly sources: ResolvedSources;
  readonly today: string;
  readonly memberName: string;
  readonly templates: MailTemplates;
}

/** Where the rendered mail says the portal is. */
const PREVIEW_PORTAL_URL = 'https://mamis.example.jp/';

/**
 * Renders one template of a checked draft as the real mail would be rendered: the view model is
 * built by the mail module from an application of this draft filed with the test data (its
 * confirm view derived with the test member's sources), and the templates are the server's own.
 * Undefined when no mail hook of the draft names the template.
 */
export function renderDraftMail(
  form: CompiledForm,
  options: DraftMailOptions,
): { readonly hook: MailHook; readonly rendered: RenderedMail } | undefined {
  const hook = (form.definition.mail ?? []).find((candidate) => candidate.template === options.template);
  if (!hook) return undefined;
  const sample = sampleMailInput(form, hook.on, { locale: options.locale });
  let input = hasData(options.data) ? withTestData(form, sample, options.data, options) : sample;
  // An office mail needs an office: with no association chosen in the test data, the sample's.
  if (hook.to !== 'member' && input.targets.length === 0) input = sample;
  const office = input.targets[0]?.associationId;
  if (hook.to !== 'member' && office === undefined) {
    throw new BadRequestError('invalid_request', {
      ja: '事務局あてのメールには申請先の医師会が必要です。テストデータで医師会を選んでください。',
      en: 'A mail to the offices needs a target association. Choose one in the test data.',
    });
  }
  const recipient: MailRecipient =
    office === undefined || hook.to === 'member' ? { kind: 'member' } : { kind: 'office', associationId: office };
  const built = buildMailViewModel(input, recipient, { portalUrl: PREVIEW_PORTAL_URL });
  // Offices read Japanese in real mail; the studio may still ask for the other language.
  const rendered = options.templates.render(options.template, options.locale, { ...built, locale: options.locale });
  return { hook, rendered };
}

function hasData(data: Record<string, unknown> | undefined): data is Record<string, unknown> {
  return data !== undefined && Object.keys(data).length > 0;
}

/** The sample application with the test data's confirm view and the targets it names. */
function withTestData(
  form: CompiledForm,
  sample: ApplicationMailInput,
  data: Record<string, unknown>,
  options: DraftMailOptions,
): ApplicationMailInput {
  const { value } = validateSubmission(form, data, {
    today: options.today,
    locale: options.locale,
    sources: options.sources,
  });
  const confirmView = deriveConfirmView(form, value, options.sources);
  const chosen = targetsOf(confirmView);
  // The sample decides as its first target; the test data's first target decides the same way.
  const decider = sample.decision ? chosen[0]?.target.id : undefined;
  const statusOf = (index: number) => sample.targets[Math.min(index, 1)]?.status ?? 'submitted';
  return {
    ...sample,
    confirmView,
    member: { ...sample.member, name: options.memberName },
    targets: chosen.map(({ target, role }, index) => ({
      associationId: target.id,
      name: target.name.ja,
      nameEn: target.name.en,
      layer: target.layer,
      officeEmail: `office-${target.id}@example.jp`,
      role,
      status: statusOf(index),
      comment: target.id === decider ? (sample.decision?.comment ?? null) : null,
    })),
    ...(decider ? { decision: { associationId: decider, comment: sample.decision?.comment ?? null } } : {}),
  };
}

function targetsOf(view: ConfirmView): { target: ConfirmTarget; role: 'leave' | 'join' }[] {
  return view.sections
    .flatMap((section) => section.rows)
    .flatMap((row) =>
      row.kind === 'targets' ? row.targets.map((target) => ({ target, role: row.role ?? ('leave' as const) })) : [],
    );
}
