import nodemailer from 'nodemailer';
import { DEFAULT_FROM, MailSendError, type MailTransport, messageIdOf } from './mail-transport.js';

export interface SmtpTransportOptions {
  /** `smtp://user:pass@host:587`, `smtps://host:465`; nodemailer reads the query too (`?pool=true`). */
  readonly url: string;
  readonly from?: string | undefined;
  /** How long a silent server may keep a send waiting, in ms. Keep it well below the worker's lease. */
  readonly timeoutMs?: number | undefined;
}

/**
 * Sends through an SMTP server with nodemailer. Timeouts are short on purpose: a worker holds a
 * lease on a mail while it sends, and a send that outlives the lease could let a second worker
 * send the same mail.
 */
export function smtpTransport(options: SmtpTransportOptions): MailTransport {
  const from = options.from ?? DEFAULT_FROM;
  const timeout = options.timeoutMs ?? 30_000;
  const transporter = nodemailer.createTransport({
    url: options.url,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  return {
    description: describeUrl(options.url),
    async send(mail) {
      try {
        await transporter.sendMail({
          from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          messageId: messageIdOf(mail, from),
          // As the folder transport: base64 costs far less CPU than quoted-printable on Japanese.
          textEncoding: 'base64',
        });
      } catch (error) {
        throw smtpError(error);
      }
    },
    async close() {
      transporter.close();
    },
  };
}

function smtpError(error: unknown): MailSendError {
  const details = error as { code?: unknown; responseCode?: unknown; response?: unknown; message?: unknown };
  const responseCode = typeof details.responseCode === 'number' ? details.responseCode : undefined;
  // RFC 5321: a 5yz reply refuses the mail for good, except 503 (commands out of order), which a
  // new connection may not meet again.
  const permanent = responseCode !== undefined && responseCode >= 500 && responseCode < 600 && responseCode !== 503;
  const parts = [
    typeof details.code === 'string' ? details.code : undefined,
    responseCode === undefined ? undefined : String(responseCode),
    typeof details.response === 'string' ? details.response : String(details.message ?? error),
  ].filter((part) => part !== undefined);
  return new MailSendError(parts.join(' '), { permanent, cause: error });
}

/** The URL without its password, for logs. */
function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    parsed.username = '';
    return parsed.toString();
  } catch {
    return 'smtp (unreadable MAIL_URL)';
  }
}
