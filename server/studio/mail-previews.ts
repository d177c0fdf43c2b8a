import { randomBytes } from 'node:crypto';

/**
 * Rendered HTML mails kept briefly so the studio can show one in a sandboxed frame by URL (a
 * strict page policy forbids `srcdoc` content and inline styles; the frame's own response
 * carries a policy that allows the mail's inline styles and nothing else). Bounded; oldest first out.
 */
export class MailPreviews {
  readonly #capacity: number;
  readonly #html = new Map<string, string>();

  constructor(capacity = 16) {
    this.#capacity = capacity;
  }

  /** Keeps the HTML and returns its id (random, so one is not guessed from another). */
  put(html: string): string {
    const id = randomBytes(16).toString('hex');
    this.#html.set(id, html);
    while (this.#html.size > this.#capacity) this.#html.delete(this.#html.keys().next().value!);
    return id;
  }

  get(id: string): string | undefined {
    return this.#html.get(id);
  }
}

/** A mail's HTML may style itself inline and show data: images; it may run nothing and load nothing. */
export const MAIL_PREVIEW_CSP = [
  'sandbox',
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  "frame-ancestors 'self'",
].join('; ');
