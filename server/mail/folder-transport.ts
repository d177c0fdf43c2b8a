import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { DEFAULT_FROM, type MailTransport, messageIdOf } from './mail-transport.js';

export interface FolderTransportOptions {
  readonly dir: string;
  readonly from?: string | undefined;
  /** For file names; defaults to the system clock. */
  readonly now?: () => Date;
}

/**
 * Writes each mail as an `.eml` file (a complete MIME message with text and HTML parts, UTF-8,
 * encoded headers) that any mail client opens. Names sort by time, then mail id:
 * `20261125T043900123Z-<id>.eml`. The default when no SMTP server is configured, so the
 * embedded setup needs nothing installed.
 */
export function folderTransport(options: FolderTransportOptions): MailTransport {
  const from = options.from ?? DEFAULT_FROM;
  const now = options.now ?? (() => new Date());
  // CRLF line ends, as RFC 5322 has them on the wire; clients read .eml files either way.
  const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    description: `folder ${options.dir}`,
    async send(mail) {
      const info = await builder.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: messageIdOf(mail, from),
        // Base64 rather than the quoted-printable nodemailer picks for HTML, which is mostly
        // ASCII: encoding the Japanese bytes one by one took more CPU than the rest of a send.
        textEncoding: 'base64',
      });
      const stamp = now().toISOString().replace(/[-:.]/g, '');
      const name = `${stamp}-${mail.id.replace(/[^A-Za-z0-9_-]/g, '_')}.eml`;
      const target = path.join(options.dir, name);
      // Written aside and renamed, so a reader never opens half a mail. The folder is made on
      // the first mail, and again should someone remove it meanwhile.
      try {
        await writeFile(`${target}.partial`, info.message as Buffer);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        await mkdir(options.dir, { recursive: true });
        await writeFile(`${target}.partial`, info.message as Buffer);
      }
      await rename(`${target}.partial`, target);
    },
    async close() {},
  };
}
