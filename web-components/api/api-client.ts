import type { Locale } from '../../engine/browser.js';
import { ApiError, NETWORK_FAILURE } from './api-error.js';
import type { ApiFieldProblem, ApplicationView, Draft, FormResponse, HistoryEntry } from './api-types.js';

export interface ApiClientOptions {
  /** Where the API lives: `''` for the page's own origin, else an origin such as `https://mamis.example`. */
  readonly baseUrl: string;
  /** An embed token from the host site; without it the session cookie is used. */
  readonly token?: string | undefined;
  /** The reader's language, asked at each request: the server answers messages in it. */
  readonly locale: () => Locale;
}

interface RequestOptions {
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Lets a request outlive the page (a draft saved as the tab closes). */
  readonly keepalive?: boolean;
}

/**
 * The components' only way to the server. Writes carry the CSRF token of the cookie session
 * (fetched once from `GET /api/session`) or the embed token as a Bearer header.
 */
export class ApiClient {
  readonly #options: ApiClientOptions;
  #csrfToken: Promise<string> | undefined;

  constructor(options: ApiClientOptions) {
    this.#options = options;
  }

  /** Resolves a URL the server gave (such as `validatorUrl`) against the API's base. */
  resolve(path: string): string {
    const base = this.#options.baseUrl === '' ? document.baseURI : `${this.#options.baseUrl.replace(/\/$/, '')}/`;
    return new URL(path, base).href;
  }

  /**
   * Fetches the CSRF token ahead of the first write, so a write sent as the page closes (a
   * draft) needs no round trip first. Embed tokens need none.
   */
  prepareWrites(): void {
    if (!this.#options.token) this.#csrf().catch(() => undefined);
  }

  getForm(formId: string): Promise<FormResponse> {
    return this.#request('GET', `/api/forms/${encodeURIComponent(formId)}`);
  }

  async submit(formId: string, version: number, data: unknown, idempotencyKey: string): Promise<ApplicationView> {
    const path = `/api/forms/${encodeURIComponent(formId)}/submissions`;
    const body = { version, data };
    const result = await this.#request<{ application: ApplicationView }>('POST', path, {
      body,
      headers: { 'Idempotency-Key': idempotencyKey },
    });
    return result.application;
  }

  async editApplication(id: string, data: unknown, idempotencyKey: string): Promise<ApplicationView> {
    const result = await this.#request<{ application: ApplicationView }>(
      'PATCH',
      `/api/me/applications/${encodeURIComponent(id)}`,
      { body: { data }, headers: { 'Idempotency-Key': idempotencyKey } },
    );
    return result.application;
  }

  async applications(): Promise<readonly ApplicationView[]> {
    return (await this.#request<{ applications: ApplicationView[] }>('GET', '/api/me/applications')).applications;
  }

  async deleteApplication(id: string): Promise<void> {
    await this.#request('DELETE', `/api/me/applications/${encodeURIComponent(id)}`);
  }

  async history(): Promise<readonly HistoryEntry[]> {
    return (await this.#request<{ history: HistoryEntry[] }>('GET', '/api/me/history')).history;
  }

  /** The member's draft of a form, or undefined when there is none. */
  async draft(formId: string): Promise<Draft | undefined> {
    try {
      return (await this.#request<{ draft: Draft }>('GET', draftPath(formId))).draft;
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return undefined;
      throw error;
    }
  }

  async saveDraft(formId: string, draft: Omit<Draft, 'formId' | 'updatedAt'>, keepalive = false): Promise<void> {
    await this.#request('PUT', draftPath(formId), { body: draft, keepalive });
  }

  async deleteDraft(formId: string): Promise<void> {
    try {
      await this.#request('DELETE', draftPath(formId));
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) throw error;
    }
  }

  async #request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const locale = this.#options.locale();
    // The page's language is a choice, not a browser default: `?lang=` is how the server is told
    // so. It ranks a member's stored locale above Accept-Language, and would otherwise answer an
    // English page in Japanese.
    const url = new URL(this.resolve(path));
    url.searchParams.set('lang', locale);
    const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': locale };
    if (this.#options.token) headers.Authorization = `Bearer ${this.#options.token}`;
    else if (method !== 'GET') headers['X-CSRF-Token'] = await this.#csrf();
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    Object.assign(headers, options.headers);
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers,
        body: options.body === undefined ? null : JSON.stringify(options.body),
        credentials: this.#options.baseUrl === '' ? 'same-origin' : 'include',
        keepalive: options.keepalive ?? false,
      });
    } catch (cause) {
      throw new ApiError(NETWORK_FAILURE, 'network', 'The request did not reach the server.', [], cause);
    }
    const text = await response.text();
    const body = text === '' ? undefined : parseJson(text);
    if (!response.ok) throw errorOf(response.status, body);
    return body as T;
  }

  #csrf(): Promise<string> {
    this.#csrfToken ??= this.#request<{ csrfToken: string }>('GET', '/api/session').then(
      (session) => session.csrfToken,
      (error: unknown) => {
        this.#csrfToken = undefined;
        throw error;
      },
    );
    return this.#csrfToken;
  }
}

function draftPath(formId: string): string {
  return `/api/me/drafts/${encodeURIComponent(formId)}`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function errorOf(status: number, body: unknown): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown; fields?: unknown } } | undefined)?.error;
  const fields = Array.isArray(error?.fields) ? (error.fields as ApiFieldProblem[]) : [];
  return new ApiError(
    status,
    typeof error?.code === 'string' ? error.code : `http-${status}`,
    typeof error?.message === 'string' ? error.message : `The server answered ${status}.`,
    fields,
  );
}
