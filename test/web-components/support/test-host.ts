import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { type Context, Hono } from 'hono';
import type { CompiledForm } from '../../../engine/index.js';
import type { AppEnv } from '../../../server/app-env.js';
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

/** One request the page sent to the API, as it arrived (header names in lower case). */
export interface ApiCall {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;
}

export interface TestHost {
  readonly origin: string;
  /** Every request that reached `/api/`, in order. */
  readonly apiCalls: readonly ApiCall[];
  /** The calls of one method whose path starts with the prefix. */
  callsTo(method: string, pathPrefix: string): ApiCall[];
  /** Resolves once no API request has been in flight for a moment (a draft sent as a tab closed). */
  settled(): Promise<void>;
  forgetCalls(): void;
  close(): Promise<void>;
}

/**
 * The web site of the browser tests: the built bundle under `/components/`, host pages sent
 * with a strict CSP header, and, for pages that pass a definition themselves, each form's
 * precompiled validator under `/validators/` and its definition with a member's sources under
 * `/fixtures/`. `/api/` is answered by the real server app, as in a same-origin deployment, and
 * its traffic recorded on the way; without a server it is a 404, as on a site with no API.
 */
export async function startTestHost(options: {
  readonly bundleDir: string;
  readonly server: Hono<AppEnv> | undefined;
  readonly forms: ReadonlyMap<string, { form: CompiledForm; validator: string }>;
}): Promise<TestHost> {
  const apiCalls: ApiCall[] = [];
  let inFlight = 0;
  let lastActivity = 0;
  const site = new Hono();

  site.use('/api/*', async (c, next) => {
    const { method, path } = c.req;
    apiCalls.push({ method, path, query: c.req.query(), headers: Object.fromEntries(c.req.raw.headers) });
    inFlight += 1;
    try {
      await next();
    } finally {
      inFlight -= 1;
      lastActivity = Date.now();
    }
  });
  const server = options.server;
  if (server) site.all('/api/*', (c) => server.fetch(c.req.raw, c.env));
  site.get('/favicon.ico', (c) => c.body(null, 204));
  site.get('/components/*', (c) => sendFile(c, join(options.bundleDir, safe(c.req.path.slice('/components/'.length)))));
  site.get('/pages/*', (c) => sendFile(c, join(PAGES, safe(c.req.path.slice('/pages/'.length)))));
  site.get('/validators/*', (c) => {
    const id = /^\/validators\/([\w-]+)\.js$/.exec(c.req.path)?.[1];
    const validator = id === undefined ? undefined : options.forms.get(id)?.validator;
    return validator === undefined ? c.notFound() : c.body(validator, 200, { 'Content-Type': TYPES['.js']! });
  });
  site.get('/fixtures/*', (c) => {
    const id = /^\/fixtures\/([\w-]+)\.json$/.exec(c.req.path)?.[1];
    const entry = id === undefined ? undefined : options.forms.get(id);
    if (!entry) return c.notFound();
    return c.json({ definition: entry.form.definition, sources: MEMBER_SOURCES, today: TODAY });
  });

  const listener = serve({ fetch: site.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => listener.once('listening', () => resolve()));
  const { port } = listener.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    apiCalls,
    callsTo: (method, pathPrefix) =>
      apiCalls.filter((call) => call.method === method && call.path.startsWith(pathPrefix)),
    async settled() {
      // A request the browser sent as a context closed may still be on its way: wait a moment.
      const quiet = 150;
      const since = Date.now();
      while (inFlight > 0 || Date.now() - Math.max(lastActivity, since) < quiet) {
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    forgetCalls() {
      apiCalls.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        if ('closeAllConnections' in listener) listener.closeAllConnections();
        listener.close(() => resolve());
      }),
  };
}

/** A file with its type; host pages get the strict policy. */
async function sendFile(c: Context, file: string): Promise<Response> {
  const body = await readFile(file).catch(() => undefined);
  if (!body) return c.notFound();
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  const headers: Record<string, string> = { 'Content-Type': type, 'Cache-Control': 'no-store' };
  if (type.startsWith('text/html')) headers['Content-Security-Policy'] = STRICT_CSP;
  return c.body(body, 200, headers);
}

function safe(path: string): string {
  const normalised = normalize(path);
  if (normalised.startsWith('..')) throw new Error(`refused path ${path}`);
  return normalised;
}
