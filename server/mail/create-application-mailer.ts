import type { ApplicationMailer, ApplicationMailInput, OutboxMail } from './application-mail.js';
import { type MailClock, systemClock } from './mail-clock.js';
import type { MailTemplates } from './mail-templates.js';
import { renderApplicationMails } from './render-application-mails.js';

export interface ApplicationMailerOptions {
  /** Compiled once at start with `loadMailTemplates`. */
  readonly templates: MailTemplates;
  readonly newId: () => string;
  /** The portal's address, shown in the mail footer when given. */
  readonly portalUrl?: string | undefined;
  /** When a queued mail is first due; the worker compares with its own clock. */
  readonly clock?: MailClock;
}

/**
 * The mailer the server calls with its writes: renders the mails of the event now, so they say
 * exactly what was true when the change committed, and writes them into `mail_outbox` with the
 * change (on the caller's transaction, or as rows of the caller's own statement). If the change
 * rolls back, no mail exists; if it commits, the worker sends them.
 *
 * @example
 * await db.transaction().execute(async (trx) => {
 *   await insertApplication(trx, …);
 *   await mailer.enqueue(trx, { event: 'submitted', form, application, confirmView, member, targets });
 * });
 */
export function createApplicationMailer(options: ApplicationMailerOptions): ApplicationMailer {
  const clock = options.clock ?? systemClock;
  const render = (input: ApplicationMailInput): OutboxMail[] => {
    const now = clock.now();
    return renderApplicationMails(input, options).map((mail) => ({
      id: options.newId(),
      application_id: input.application.id,
      event: input.event,
      template: mail.hook.template,
      to_address: mail.to,
      locale: mail.locale,
      subject: mail.rendered.subject,
      text_body: mail.rendered.text,
      html_body: mail.rendered.html,
      status: 'pending' as const,
      next_attempt_at: now,
      created_at: now,
    }));
  };
  return {
    render,
    async enqueue(db, input) {
      const mails = render(input);
      if (mails.length > 0) await db.insertInto('mail_outbox').values(mails).execute();
      return mails.length;
    },
  };
}
