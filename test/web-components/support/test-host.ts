import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompiledForm } from '../../../engine/index.js';
import { FakeApi } from './fake-api.js';
import { MEMBER_SOURCES, TODAY } from './fixtures.js';

/** The policy an embedding site is expected to run: no inline script or style, no eval. */
export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'";

const PAGES = fileURLToPath(new URL('./pages/', import.meta.url));
const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export interface TestHost {
  readonly origin: string;
  readonly api: FakeApi;
  close(): Promise<void>;
}

/**
 * A small web server for the browser tests: the built bundle under `/components/`, host pages
 * sent with a strict CSP header, each form's precompiled validator under `/validators/`, the
 * definitions and the member's sources under `/fixtures/`, and a stand-in for the HTTP API.
 */
export async function startTestHost(options: {
  readonly bundleDir: string;
  readonly forms: ReadonlyMap<string, { form: CompiledForm; validator: string }>;
}): Promise<TestHost> {
  const api = new FakeApi(options.forms, MEMBER_SOURCES, TODAY);
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(String(error));
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://host');
    const path = url.pathname;
    if (path === '/favicon.ico') return sendText(response, 204, 'image/x-icon', '');
    if (path.startsWith('/api/')) return api.handle(request, response, url);
    if (path.startsWith('/components/')) return sendFile(response, join(options.bundleDir, safe(path.slice(12))));
    if (path.startsWith('/pages/')) return sendFile(response, join(PAGES, safe(path.slice(7))));
    const validator = /^\/validators\/([\w-]+)\.js$/.exec(path);
    if (validator) return sendText(response, 200, TYPES['.js']!, options.forms.get(validator[1]!)?.validator);
    const fixture = /^\/fixtures\/([\w-]+)\.json$/.exec(path);
    if (fixture) {
      const entry = options.forms.get(fixture[1]!);
      const body =
        entry && JSON.stringify({ definition: entry.form.definition, sources: MEMBER_SOURCES, today: TODAY });
      return sendText(response, 200, TYPES['.json']!, body);
    }
    sendText(response, 404, 'text/plain', 'not found');
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    api,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function safe(path: string): string {
  const normalised = normalize(path);
  if (normalised.startsWith('..')) throw new Error(`refused path ${path}`);
  return normalised;
}

async function sendFile(response: ServerResponse, file: string): Promise<void> {
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    sendText(response, 404, 'text/plain', 'not found');
    return;
  }
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  const headers: Record<string, string> = { 'content-type': type, 'cache-control': 'no-store' };
  if (type.startsWith('text/html')) headers['content-security-policy'] = STRICT_CSP;
  response.writeHead(200, headers);
  response.end(body);
}

function sendText(response: ServerResponse, status: number, type: string, body: string | undefined): void {
  if (body === undefined) {
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('not found');
    return;
  }
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  response.end(body);
}
