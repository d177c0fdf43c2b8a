import type { ApplicationMailer, ApplicationMailInput, OutboxMail } from '../../../server/mail/application-mail.js';

export interface RecordingMailer extends ApplicationMailer {
  /** Every input rendered or enqueued, for a change that may or may not have committed. */
  readonly calls: ApplicationMailInput[];
  /**
   * When set, `enqueue` writes its outbox row and then throws this (a crash mid-transaction),
   * and `render` throws it (a crash before the statement that would write the rows).
   */
  failWith: Error | undefined;
  /** When set, the id of every outbox row it makes (one already taken fails the write). */
  mailId: string | undefined;
}

/**
 * A stand-in for the real mailer: one outbox row per event, written through the caller's
 * transaction or statement — a real write, so a change that fails must leave no row behind.
 */
export function recordingMailer(): RecordingMailer {
  let next = 0;
  const rowOf = (input: ApplicationMailInput): OutboxMail => {
    next += 1;
    return {
      id: mailer.mailId ?? `mail-${next}`,
      application_id: input.application.id,
      event: input.event,
      template: 'test',
      to_address: input.member.email,
      locale: input.member.locale,
      subject: `${input.event} ${input.application.formId}`,
      text_body: '',
      html_body: '',
      status: 'pending',
    };
  };
  const mailer: RecordingMailer = {
    calls: [],
    failWith: undefined,
    mailId: undefined,
    render(input) {
      mailer.calls.push(input);
      if (mailer.failWith) throw mailer.failWith;
      return [rowOf(input)];
    },
    async enqueue(db, input) {
      mailer.calls.push(input);
      await db.insertInto('mail_outbox').values(rowOf(input)).execute();
      if (mailer.failWith) throw mailer.failWith;
      return 1;
    },
  };
  return mailer;
}
