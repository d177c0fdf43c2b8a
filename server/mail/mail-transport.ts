/** One mail as a transport sends it: what the outbox row holds. */
export interface OutgoingMail {
  /** The outbox id; the Message-ID is built from it, so a receiver can spot a duplicate. */
  readonly id: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** The port the worker sends through: SMTP, a folder of .eml files, or whatever a test needs. */
export interface MailTransport {
  /** For logs: `smtp://mail.example.jp:587`, `folder data/mail`. Never holds a password. */
  readonly description: string;
  /** Resolves once the mail is handed over; rejects (preferably with MailSendError) otherwise. */
  send(mail: OutgoingMail): Promise<void>;
  close(): Promise<void>;
}

/**
 * A mail the transport could not hand over. `permanent` when trying again cannot help (the
 * server refused the recipient with a 5xx reply); the worker then gives up at once.
 */
export class MailSendError extends Error {
  override readonly name = 'MailSendError';
  readonly permanent: boolean;
  constructor(message: string, options: { permanent: boolean; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.permanent = options.permanent;
  }
}

export const DEFAULT_FROM = 'MAMIS 医師会会員情報システム <no-reply@mamis.example.jp>';

/** `<id@host>`: the Message-ID of a mail, from its outbox id and the sender's domain. */
export function messageIdOf(mail: OutgoingMail, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'mamis.invalid';
  return `<${mail.id}@${domain}>`;
}
