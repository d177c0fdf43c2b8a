import type { Hono } from 'hono';
import type { AppEnv } from '../../../server/app-env.js';
import { DEMO_PASSWORD } from '../../../server/db/seed/index.js';

export interface ApiResponse {
  readonly status: number;
  readonly headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: test assertions read the JSON freely
  readonly body: any;
}

export interface RequestOptions {
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** Leave the CSRF header out of a write. */
  readonly withoutCsrf?: boolean;
}

/** Calls the app like a browser of one signed-in account would (cookie + CSRF token). */
export class ApiClient {
  readonly #app: Hono<AppEnv>;
  cookie: string | undefined;
  csrfToken: string | undefined;
  bearer: string | undefined;

  constructor(app: Hono<AppEnv>) {
    this.#app = app;
  }

  get(path: string, options?: RequestOptions) {
    return this.request('GET', path, options);
  }
  post(path: string, body?: unknown, options?: RequestOptions) {
    return this.request('POST', path, { ...options, body });
  }
  put(path: string, body?: unknown, options?: RequestOptions) {
    return this.request('PUT', path, { ...options, body });
  }
  patch(path: string, body?: unknown, options?: RequestOptions) {
    return this.request('PATCH', path, { ...options, body });
  }
  delete(path: string, options?: RequestOptions) {
    return this.request('DELETE', path, options);
  }

  async request(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse> {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.Cookie = this.cookie;
    if (this.bearer) headers.Authorization = `Bearer ${this.bearer}`;
    if (this.csrfToken && method !== 'GET' && !options.withoutCsrf) headers['X-CSRF-Token'] = this.csrfToken;
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    Object.assign(headers, options.headers);
    const body =
      options.body === undefined
        ? undefined
        : typeof options.body === 'string'
          ? options.body
          : JSON.stringify(options.body);
    const response = await this.#app.request(path, { method, headers, ...(body === undefined ? {} : { body }) });
    const setCookie = response.headers.get('Set-Cookie');
    const session = setCookie?.match(/mamis_session=([^;]*)/);
    if (session) this.cookie = session[1] ? `mamis_session=${session[1]}` : undefined;
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text === '' ? undefined : parseJson(text) };
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A client signed in with a demo account (password demo1234). */
export async function signedIn(app: Hono<AppEnv>, login: string): Promise<ApiClient> {
  const client = new ApiClient(app);
  const response = await client.post('/api/session', { login, password: DEMO_PASSWORD });
  if (response.status !== 200)
    throw new Error(`Sign-in of ${login} failed: ${response.status} ${JSON.stringify(response.body)}`);
  client.csrfToken = response.body.csrfToken;
  return client;
}
