import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../server/start-server.js';
import { FormVersionConflictError } from '../../server/store/form-versions.js';
import { freePort, tryConnect } from './support/ports.js';
import { copyProjectForms, editJson } from './support/project-copy.js';

interface HeldAnswer {
  /** Whether the start had finished when the request was sent. */
  readonly sentAfterStart: boolean;
  readonly status: number;
  readonly retryAfter: string | null;
  readonly body: { error?: { code: string; message: string } };
}

/**
 * Sends `GET /api/forms` every few milliseconds until one is accepted (the server listens while
 * its database opens), and gives that request's answer.
 */
async function firstAcceptedRequest(port: number, startDone: () => boolean, language: string): Promise<HeldAnswer> {
  for (let attempt = 0; attempt < 3000; attempt++) {
    const sentAfterStart = startDone();
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/forms`, { headers: { 'Accept-Language': language } });
      return {
        sentAfterStart,
        status: response.status,
        retryAfter: response.headers.get('Retry-After'),
        body: await response.json(),
      };
    } catch {
      // Not listening yet: the forms are still being read.
    }
    await new Promise((resolve) => setTimeout(resolve, 3));
  }
  throw new Error('The server never accepted a connection');
}

// The server listens as soon as its forms are checked, while the embedded database opens in its
// thread (and is migrated, seeded, its form versions published): a request that comes then is
// held, not refused, and answered once the database is ready, or with a 503 if the start fails.
describe('npm start: requests that come before the database is ready', () => {
  let root: string;
  let dataDir: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'mamis-held-'));
    dataDir = path.join(root, 'data');
    await mkdir(path.join(root, 'web-components', 'dist'), { recursive: true });
    await copyProjectForms(root);
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  async function startOn(port: number, lines: string[]) {
    let done = false;
    const started = startServer({
      env: { DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', MAIL_WORKER: 'off' },
      root,
      log: (line) => lines.push(line),
    }).finally(() => {
      done = true;
    });
    started.catch(() => {});
    return { started, done: () => done };
  }

  it('holds a request sent while an empty database is seeded, and answers it once it is ready', async () => {
    const port = await freePort();
    const lines: string[] = [];
    const { started, done } = await startOn(port, lines);
    const answer = await firstAcceptedRequest(port, done, 'ja');
    let server: RunningServer | undefined;
    try {
      server = await started;
      expect(answer.sentAfterStart).toBe(false);
      // Answered by the app on the ready database: no session, so 401, in Japanese.
      expect(answer.status).toBe(401);
      expect(answer.body.error?.code).toBe('unauthenticated');
      expect(answer.body.error?.message).toMatch(/ログイン/);
      expect(lines.join('\n')).toContain('Empty database: adding the demo data');
      expect(lines.join('\n')).toContain('MAMIS forms server on');
    } finally {
      await server?.close();
    }
  });

  it('answers a held request with a 503 in its language when the start then fails, and stops listening', async () => {
    // Version 1 of the enrollment form, edited in place and unlisted in published.json: the
    // database, checked once it opens (after the server listens), refuses the start.
    await editJson(root, 'forms/published.json', (published) => {
      delete published.enrollment;
    });
    await editJson(root, 'forms/enrollment/form.json', (definition) => {
      definition.title.en = 'Enrollment, edited in place';
    });
    const port = await freePort();
    const lines: string[] = [];
    const { started, done } = await startOn(port, lines);
    const answer = await firstAcceptedRequest(port, done, 'en-GB,en;q=0.9');
    await expect(started).rejects.toBeInstanceOf(FormVersionConflictError);
    expect(answer.sentAfterStart).toBe(false);
    expect(answer.status).toBe(503);
    expect(answer.retryAfter).toBe('5');
    expect(answer.body.error).toEqual({
      code: 'service_unavailable',
      message: 'The service is busy or briefly unavailable. Please try again in a moment',
    });
    expect(lines.join('\n')).not.toContain('MAMIS forms server on');
    expect(await tryConnect(port)).toBe('ECONNREFUSED');
  });
});
