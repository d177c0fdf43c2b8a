import type { Locale } from '../../engine/browser.js';
import type {
  CheckResult,
  FormDetail,
  FormSummary,
  MailResult,
  PreviewResult,
  PublishResult,
  StudioIssue,
} from './studio-types.js';

/** An answer of the studio API that was not a success: its status, code, message and any issues. */
export class StudioApiError extends Error {
  override readonly name = 'StudioApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: readonly StudioIssue[] = [],
  ) {
    super(message);
  }
}

/** What the preview is computed for: the test data, whose sources, on which day. */
export interface PreviewInput {
  readonly data: Readonly<Record<string, unknown>> | undefined;
  readonly member: string | undefined;
  readonly today: string | undefined;
  readonly locale: Locale;
}

/**
 * The staff API of the studio, on the page's own origin with the session cookie. Writes carry
 * the session's CSRF token, fetched once from `GET /api/session`.
 */
export class StudioApi {
  readonly #base: string;
  readonly #locale: () => Locale;
  #csrf: Promise<string> | undefined;

  constructor(base: string, locale: () => Locale) {
    this.#base = base.replace(/\/$/, '');
    this.#locale = locale;
  }

  /** A path the API gave (a validator or a mail's HTML) as an absolute URL. */
  resolve(path: string): string {
    return new URL(this.#base + path, document.baseURI).href;
  }

  async forms(): Promise<readonly FormSummary[]> {
    return (await this.#request<{ forms: FormSummary[] }>('GET', '/api/staff/forms')).forms;
  }

  form(formId: string): Promise<FormDetail> {
    return this.#request('GET', `/api/staff/forms/${encodeURIComponent(formId)}`);
  }

  check(formId: string, definition: unknown): Promise<CheckResult> {
    return this.#request('POST', `${formPath(formId)}/check`, { definition });
  }

  preview(formId: string, definition: unknown, input: PreviewInput): Promise<PreviewResult> {
    return this.#request('POST', `${formPath(formId)}/preview`, { definition, ...input });
  }

  renderMail(formId: string, definition: unknown, template: string, input: PreviewInput): Promise<MailResult> {
    return this.#request('POST', `${formPath(formId)}/render-mail`, { definition, template, ...input });
  }

  publish(formId: string, definition: unknown, expectedCurrentVersion: number): Promise<PublishResult> {
    return this.#request('POST', `${formPath(formId)}/versions`, { definition, expectedCurrentVersion });
  }

  async #request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': this.#locale() };
    if (method !== 'GET') {
      headers['Content-Type'] = 'application/json';
      headers['X-CSRF-Token'] = await this.#csrfToken();
    }
    const response = await fetch(this.resolve(path), {
      method,
      headers,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    const parsed: unknown = text === '' ? undefined : JSON.parse(text);
    if (!response.ok) throw errorOf(response.status, parsed);
    return parsed as T;
  }

  #csrfToken(): Promise<string> {
    this.#csrf ??= this.#request<{ csrfToken: string }>('GET', '/api/session').then(
      (session) => session.csrfToken,
      (error: unknown) => {
        this.#csrf = undefined;
        throw error;
      },
    );
    return this.#csrf;
  }
}

function formPath(formId: string): string {
  return `/api/staff/forms/${encodeURIComponent(formId)}`;
}

function errorOf(status: number, body: unknown): StudioApiError {
  const record = (typeof body === 'object' && body !== null ? body : {}) as {
    error?: { code?: unknown; message?: unknown };
    issues?: unknown;
  };
  const code = typeof record.error?.code === 'string' ? record.error.code : 'error';
  const message = typeof record.error?.message === 'string' ? record.error.message : `HTTP ${status}`;
  const issues = Array.isArray(record.issues) ? (record.issues as StudioIssue[]) : [];
  return new StudioApiError(status, code, message, issues);
}
