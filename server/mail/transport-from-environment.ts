import path from 'node:path';
import { folderTransport } from './folder-transport.js';
import type { MailTransport } from './mail-transport.js';
import { smtpTransport } from './smtp-transport.js';

/** The variables the mail transport reads. */
export interface MailEnvironment {
  /** An SMTP server (`smtp://…`, `smtps://…`); without it mail goes to `${DATA_DIR}/mail`. */
  readonly MAIL_URL?: string | undefined;
  /** The sender, e.g. `MAMIS <no-reply@mamis.example.jp>`. */
  readonly MAIL_FROM?: string | undefined;
  /** The data folder of the embedded setup; `./data` by default. */
  readonly DATA_DIR?: string | undefined;
}

/** SMTP when MAIL_URL is set, otherwise one .eml file per mail in `${DATA_DIR}/mail`. */
export function transportFromEnvironment(environment: MailEnvironment): MailTransport {
  const from = nonEmpty(environment.MAIL_FROM);
  const url = nonEmpty(environment.MAIL_URL);
  if (url) return smtpTransport({ url, from });
  return folderTransport({ dir: path.join(nonEmpty(environment.DATA_DIR) ?? './data', 'mail'), from });
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
