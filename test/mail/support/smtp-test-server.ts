import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

/** A message as the SMTP server received it: the envelope and the raw bytes. */
export interface ReceivedMail {
  readonly from: string;
  readonly to: readonly string[];
  readonly raw: Buffer;
}

export interface SmtpTestServerOptions {
  /** Listen on this port (to restart a stopped server where it was); a free one otherwise. */
  readonly port?: number;
  /** Hold each DATA this long before accepting, so concurrent senders overlap. */
  readonly delayMs?: number;
  /** Recipients refused with `550 No such user` (a permanent failure). */
  readonly refuse?: readonly string[];
}

export interface SmtpTestServer {
  readonly port: number;
  readonly url: string;
  readonly received: ReceivedMail[];
  stop(): Promise<void>;
}

/**
 * A real SMTP server (the `smtp-server` package) on 127.0.0.1 that keeps what it receives. No
 * authentication, no STARTTLS: the conversation is plain SMTP as a relay on a local network.
 */
export async function startSmtpTestServer(options: SmtpTestServerOptions = {}): Promise<SmtpTestServer> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.refuse?.includes(address.address)) {
        const error = Object.assign(new Error('No such user'), { responseCode: 550 });
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const accept = () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            raw: Buffer.concat(chunks),
          });
          callback();
        };
        if (options.delayMs) setTimeout(accept, options.delayMs);
        else accept();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function parseMail(mail: ReceivedMail): Promise<ParsedMail> {
  return simpleParser(mail.raw);
}

/** The Message-IDs of what arrived, to count each mail. */
export async function messageIds(mails: readonly ReceivedMail[]): Promise<string[]> {
  const parsed = await Promise.all(mails.map(parseMail));
  return parsed.map((mail) => mail.messageId ?? '');
}
