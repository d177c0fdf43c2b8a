import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AddressObject, ParsedMail } from 'mailparser';

/** One mail of the folder as the list shows it. */
export interface MailSummary {
  readonly name: string;
  readonly date: Date | undefined;
  readonly from: string;
  readonly to: string;
  readonly subject: string;
}

export interface MailMessage extends MailSummary {
  readonly text: string;
  readonly html: string | undefined;
}

/** The folder transport's names: `20261125T043900123Z-<id>.eml`. Anything else is not ours. */
const MAIL_NAME = /^[A-Za-z0-9_-]{1,200}\.eml$/;

export function isMailName(name: string): boolean {
  return MAIL_NAME.test(name);
}

/**
 * Reads the `.eml` files the folder transport writes (development only). A written file never
 * changes (it is renamed into place when complete), so each is parsed once.
 */
export class MailFolder {
  readonly #dir: string;
  readonly #parsed = new Map<string, Promise<MailMessage>>();

  constructor(dir: string) {
    this.#dir = dir;
  }

  /** The newest mails first (names sort by the time they were written). */
  async list(limit = 100): Promise<MailSummary[]> {
    let names: string[];
    try {
      names = await readdir(this.#dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const newest = names.filter(isMailName).sort().reverse().slice(0, limit);
    return Promise.all(newest.map((name) => this.read(name)));
  }

  /** One mail; rejects with ENOENT when there is no such file. */
  read(name: string): Promise<MailMessage> {
    if (!isMailName(name)) return Promise.reject(Object.assign(new Error('not a mail name'), { code: 'ENOENT' }));
    let message = this.#parsed.get(name);
    if (!message) {
      message = this.#parse(name);
      this.#parsed.set(name, message);
      message.catch(() => this.#parsed.delete(name));
    }
    return message;
  }

  async #parse(name: string): Promise<MailMessage> {
    const source = await readFile(path.join(this.#dir, name));
    // mailparser is a development dependency: loaded only when someone opens this page.
    const { simpleParser } = await import('mailparser');
    const mail: ParsedMail = await simpleParser(source);
    return {
      name,
      date: mail.date,
      from: addresses(mail.from),
      to: addresses(mail.to),
      subject: mail.subject ?? '',
      text: mail.text ?? '',
      html: typeof mail.html === 'string' ? mail.html : undefined,
    };
  }
}

function addresses(value: AddressObject | AddressObject[] | undefined): string {
  if (!value) return '';
  return (Array.isArray(value) ? value : [value]).map((address) => address.text).join(', ');
}
