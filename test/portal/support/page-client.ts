import type { Hono } from 'hono';
import type { AppEnv } from '../../../server/app-env.js';
import { DEMO_PASSWORD } from '../../../server/db/seed/index.js';

export interface PageResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The `Location` of a redirect. */
  readonly location: string | null;
}

/**
 * A browser without JavaScript, over `app.request`: keeps its cookies, posts HTML forms as
 * `application/x-www-form-urlencoded`, and does not follow redirects (tests read them).
 */
export class PageClient {
  readonly #app: Hono<AppEnv>;
  readonly cookies = new Map<string, string>();

  constructor(app: Hono<AppEnv>) {
    this.#app = app;
  }

  get(path: string): Promise<PageResponse> {
    return this.request('GET', path);
  }

  /** Posts form fields as a browser submits an HTML form. */
  post(path: string, fields: Record<string, string>): Promise<PageResponse> {
    return this.request('POST', path, new URLSearchParams(fields).toString());
  }

  async request(method: string, path: string, body?: string): Promise<PageResponse> {
    const headers: Record<string, string> = {};
    if (this.cookies.size > 0) {
      headers.Cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    }
    if (body !== undefined) headers['Content-Type'] = 'application/x-www-form-urlencoded';
    const response = await this.#app.request(path, { method, headers, ...(body === undefined ? {} : { body }) });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const [name = '', value = ''] = pair.split('=');
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute));
      if (value === '' || expired) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    return {
      status: response.status,
      headers: response.headers,
      text: await response.text(),
      location: response.headers.get('Location'),
    };
  }

  /** Opens the sign-in page and signs in as a browser would; returns the redirect. */
  async signIn(login: string, password: string = DEMO_PASSWORD, next?: string): Promise<PageResponse> {
    const page = await this.get('/login');
    return this.post('/login', {
      _csrf: hiddenToken(page.text),
      login,
      password,
      ...(next === undefined ? {} : { next }),
    });
  }

  /** The CSRF token of the signed-in page forms (from the ログアウト form of any page). */
  async csrfToken(path = '/'): Promise<string> {
    const page = await this.get(path);
    return hiddenToken(page.text);
  }
}

/** The value of the first `_csrf` hidden field of a page. */
export function hiddenToken(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('The page has no _csrf field');
  return match[1];
}

/** A client already signed in with a demo account. */
export async function signedInPages(app: Hono<AppEnv>, login: string): Promise<PageClient> {
  const client = new PageClient(app);
  const response = await client.signIn(login);
  if (response.status !== 303) throw new Error(`Sign-in of ${login} failed: ${response.status}`);
  return client;
}

/** The page's text without tags, whitespace collapsed: what a reader sees. */
export function visibleText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
