import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DialectName } from '../../server/db/open-database.js';
import { type ApiClient, signedIn } from '../server/support/api-client.js';
import { manualWithdrawal } from '../server/support/fixtures.js';
import { createTestApp, type TestApp } from '../server/support/test-app.js';
import { badInputCorpus } from './support/bad-input-corpus.js';
import type { BadRequest, Caller } from './support/bad-requests.js';
import { reportFigures } from './support/figures.js';
import { type Fingerprint, fingerprint } from './support/table-fingerprint.js';

/** Cases per run: a few thousand in CI; `BAD_INPUT_CASES=50000` by hand. */
const CASES = Number(process.env.BAD_INPUT_CASES ?? 2000);
const SEED = Number(process.env.BAD_INPUT_SEED ?? 20261125);
/** The embedded database is slower per query: it gets a share of the cases. */
const RUNS: Readonly<Record<DialectName, number>> = { postgres: CASES, pglite: Math.ceil(CASES / 5) };
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

interface Callers {
  readonly clients: Readonly<Record<Exclude<Caller, 'anonymous'>, ApiClient>>;
}

for (const dialect of ['postgres', 'pglite'] as const) {
  describe(`a seeded corpus of wrong requests to every route, on ${dialect}`, () => {
    let t: TestApp;
    let callers: Callers;
    let before: Fingerprint;
    let corpus: fc.Arbitrary<BadRequest>;
    const seen = {
      cases: 0,
      fiveHundreds: 0,
      byDefect: new Map<string, number>(),
      byStatus: new Map<number, number>(),
    };

    beforeAll(async () => {
      t = await createTestApp(dialect);
      const clients = {
        memberA: await signedIn(t.app, '123456'),
        memberB: await signedIn(t.app, '234567'),
        officeTarget: await signedIn(t.app, 'otaru-office'),
        officeOther: await signedIn(t.app, 'yokohama-office'),
        staff: await signedIn(t.app, 'staff'),
      };
      callers = { clients };
      const ofA = await clients.memberA.post('/api/forms/withdrawal/submissions', manualWithdrawal());
      const ofB = await clients.memberB.post(
        '/api/forms/withdrawal/submissions',
        manualWithdrawal({ withdrawFrom: { groupId: 'group-234567-shinjuku', associationIds: ['city-shinjuku'] } }),
      );
      expect([ofA.status, ofB.status]).toEqual([201, 201]);
      await clients.memberA.put('/api/me/drafts/enrollment', { version: 1, stepId: 'affiliation', data: {} });
      const login = await t.app.request('/login');
      const loginToken = /mamis_login_csrf=([\w-]+)/.exec(login.headers.get('Set-Cookie') ?? '')?.[1] ?? '';
      const definition: unknown = JSON.parse(
        await readFile(path.join(import.meta.dirname, '../../forms/withdrawal/form.json'), 'utf8'),
      );
      corpus = badInputCorpus({
        applicationOfA: ofA.body.application.id,
        applicationOfB: ofB.body.application.id,
        definition,
        loginToken,
        officeCsrf: clients.officeTarget.csrfToken!,
      });
      before = await fingerprint(t.database.db);
    });
    afterAll(async () => {
      await t?.dispose();
    });

    async function send(request: BadRequest): Promise<Response> {
      const headers = new Headers(request.headers);
      if (request.as !== 'anonymous') {
        const client = callers.clients[request.as];
        const cookies = [client.cookie, headers.get('Cookie')].filter(Boolean).join('; ');
        headers.set('Cookie', cookies);
        if (request.method !== 'GET' && request.csrf !== 'missing') {
          headers.set('X-CSRF-Token', request.csrf === 'wrong' ? 'not-the-token' : client.csrfToken!);
        }
      }
      return t.app.request(request.path, {
        method: request.method,
        headers,
        ...(request.body === undefined ? {} : { body: request.body }),
      });
    }

    it(`answers each with a 4xx and a message in Japanese (${RUNS[dialect]} cases, seed ${SEED})`, {
      timeout: 600_000,
    }, async () => {
      await fc.assert(
        fc.asyncProperty(corpus, async (request) => {
          const response = await send(request);
          const text = await response.text();
          seen.cases++;
          seen.byDefect.set(request.defect, (seen.byDefect.get(request.defect) ?? 0) + 1);
          seen.byStatus.set(response.status, (seen.byStatus.get(response.status) ?? 0) + 1);
          if (response.status >= 500) seen.fiveHundreds++;
          const where = `${request.defect}: ${request.method} ${request.path.slice(0, 120)} → ${response.status} ${text.slice(0, 200)}`;
          expect(request.expect, where).toContain(response.status);
          if (response.headers.get('Content-Type')?.includes('application/json')) {
            const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
            expect(typeof body.error?.code, where).toBe('string');
            expect(String(body.error?.message), where).toMatch(JAPANESE);
          } else {
            // The portal's own pages answer a form with a page: it still says what went wrong.
            expect(text, where).toMatch(JAPANESE);
          }
        }),
        { seed: SEED, numRuns: RUNS[dialect], endOnFailure: true },
      );
    });

    it('leaves every table byte for byte as it was', async () => {
      expect(seen.cases).toBeGreaterThanOrEqual(RUNS[dialect]);
      expect(await fingerprint(t.database.db)).toEqual(before);
    });

    it('lets no key of a request reach Object.prototype', () => {
      const probe: Record<string, unknown> = {};
      expect(probe.polluted).toBeUndefined();
      expect(Object.keys(Object.prototype)).toEqual([]);
    });

    it('reports the figures', async () => {
      await reportFigures(`bad-input-${dialect}`, {
        'bad inputs tried': seen.cases,
        '5xx seen': seen.fiveHundreds,
        seed: SEED,
        statuses: [...seen.byStatus]
          .sort(([a], [b]) => a - b)
          .map(([status, n]) => `${status}×${n}`)
          .join(' '),
        defects: [...seen.byDefect]
          .sort(([, a], [, b]) => b - a)
          .map(([defect, n]) => `${defect} ${n}`)
          .join(', '),
      });
      expect(seen.fiveHundreds).toBe(0);
    });
  });
}
