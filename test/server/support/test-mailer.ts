import type { ApplicationMailer, ApplicationMailInput } from '../../../server/mail/application-mail.js';

export interface RecordingMailer extends ApplicationMailer {
  /** Every input enqueued in a transaction that may or may not have committed. */
  readonly calls: ApplicationMailInput[];
  /** When set, `enqueue` writes its outbox row and then throws this: a crash mid-transaction. */
  failWith: Error | undefined;
}

/**
 * A stand-in for the real mailer: one outbox row per event, written through the caller's
 * transaction — a real write, so a rolled-back transaction must leave no row behind.
 */
export function recordingMailer(): RecordingMailer {
  let next = 0;
  const mailer: RecordingMailer = {
    calls: [],
    failWith: undefined,
    async enqueue(db, input) {
      mailer.calls.push(input);
      next += 1;
      await db
        .insertInto('mail_outbox')
        .values({
          id: `mail-${next}`,
          application_id: input.application.id,
          event: input.event,
          template: 'test',
          to_address: input.member.email,
          locale: input.member.locale,
          subject: `${input.event} ${input.application.formId}`,
          text_body: '',
          html_body: '',
          status: 'pending',
        })
        .execute();
      if (mailer.failWith) throw mailer.failWith;
      return 1;
    },
  };
  return mailer;
}
