import type { Locale, MailHook } from '../../engine/index.js';
import type { ApplicationMailInput } from './application-mail.js';
import { buildMailViewModel, type MailRecipient, recipientLocale } from './build-mail-view-model.js';
import type { MailTemplates, RenderedMail } from './mail-templates.js';

/** One mail to one address, rendered and ready to queue. */
export interface PreparedMail {
  readonly hook: MailHook;
  readonly to: string;
  readonly locale: Locale;
  readonly rendered: RenderedMail;
}

export interface RenderApplicationMailsOptions {
  readonly templates: MailTemplates;
  readonly portalUrl?: string | undefined;
}

/**
 * Every mail an event sends: for each of the form's hooks on the event, the member in their
 * locale, or each target's office in Japanese (one mail per office address, however many of
 * its associations the application names).
 */
export function renderApplicationMails(
  input: ApplicationMailInput,
  options: RenderApplicationMailsOptions,
): PreparedMail[] {
  const mails: PreparedMail[] = [];
  for (const hook of input.form.definition.mail ?? []) {
    if (hook.on !== input.event) continue;
    for (const { recipient, to } of recipientsOf(input, hook)) {
      const model = buildMailViewModel(input, recipient, { portalUrl: options.portalUrl });
      const locale = recipientLocale(input, recipient);
      mails.push({ hook, to, locale, rendered: options.templates.render(hook.template, locale, model) });
    }
  }
  return mails;
}

function recipientsOf(
  input: ApplicationMailInput,
  hook: MailHook,
): { readonly recipient: MailRecipient; readonly to: string }[] {
  if (hook.to === 'member') return [{ recipient: { kind: 'member' }, to: input.member.email }];
  const seen = new Set<string>();
  const offices: { recipient: MailRecipient; to: string }[] = [];
  for (const target of input.targets) {
    const address = target.officeEmail.trim().toLowerCase();
    if (address === '' || seen.has(address)) continue;
    seen.add(address);
    offices.push({ recipient: { kind: 'office', associationId: target.associationId }, to: target.officeEmail });
  }
  return offices;
}
