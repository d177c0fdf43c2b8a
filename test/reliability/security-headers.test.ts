import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readServerSettings } from '../../server/config/server-settings.js';
import { type ApiClient, signedIn } from '../server/support/api-client.js';
import { createTestApp, type TestApp } from '../server/support/test-app.js';

const SITE = 'https://www.example-ishikai.jp';

/** The headers every response must carry, whatever answered it. */
function expectBaseHeaders(response: Response, what: string): void {
  expect(response.headers.get('X-Content-Type-Options'), what).toBe('nosniff');
  expect(response.headers.get('Referrer-Policy'), what).toBe('same-origin');
  expect(response.headers.get('Content-Security-Policy'), what).toMatch(/frame-ancestors /);
}

describe('security headers on every response', () => {
  let t: TestApp;
  let member: ApiClient;
  beforeAll(async () => {
    t = await createTestApp('pglite');
    member = await signedIn(t.app, '123456');
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('gives JSON answers a CSP that loads nothing and lets no one frame them', async () => {
    const response = await t.app.request('/api/forms', { headers: { Cookie: member.cookie! } });
    expect(response.status).toBe(200);
    expectBaseHeaders(response, 'GET /api/forms');
    expect(response.headers.get('Content-Security-Policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(response.headers.get('X-Frame-Options')).toBe('DENY');
  });

  it('puts them on errors too: 401, 404, 413, 415', async () => {
    const answers = [
      await t.app.request('/api/me'),
      await t.app.request('/api/no-such-route'),
      await t.app.request('/api/session', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Length': String(200 * 1024) },
        body: 'x'.repeat(200 * 1024),
      }),
      await t.app.request('/api/session', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{}' }),
    ];
    expect(answers.map((response) => response.status)).toEqual([401, 404, 413, 415]);
    for (const response of answers) expectBaseHeaders(response, String(response.status));
  });

  it('keeps API answers out of every cache, errors included; the immutable validator keeps its own', async () => {
    const answers = [
      await t.app.request('/api/forms', { headers: { Cookie: member.cookie! } }),
      await t.app.request('/api/me'),
      await t.app.request('/api/no-such-route'),
    ];
    expect(answers.map((response) => response.status)).toEqual([200, 401, 404]);
    for (const response of answers)
      expect(response.headers.get('Cache-Control'), String(response.status)).toBe('no-store');
    const validator = await t.app.request('/api/forms/withdrawal/versions/1/validator.js');
    expect(validator.status).toBe(200);
    expect(validator.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
  });

  it("keeps the portal's own strict page CSP: scripts and styles from the site only, no eval, no inline", async () => {
    const response = await t.app.request('/login');
    expect(response.status).toBe(200);
    expectBaseHeaders(response, 'GET /login');
    const csp = response.headers.get('Content-Security-Policy')!;
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
  });

  it('sends HSTS only over TLS: the URL scheme, or a trusted proxy saying so', async () => {
    const plain = await t.app.request('http://portal.example.jp/api/openapi.json');
    expect(plain.headers.get('Strict-Transport-Security')).toBeNull();
    const tls = await t.app.request('https://portal.example.jp/api/openapi.json');
    expect(tls.headers.get('Strict-Transport-Security')).toBe('max-age=31536000; includeSubDomains');
    // Without a trusted proxy configured, anyone could send the header: it is not believed.
    const claimed = await t.app.request('/api/openapi.json', { headers: { 'X-Forwarded-Proto': 'https' } });
    expect(claimed.headers.get('Strict-Transport-Security')).toBeNull();
  });
});

describe('frame-ancestors, HSTS and CORS from the configuration', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite', {
      config: { frameAncestors: [SITE], trustedProxies: 1, corsOrigins: [SITE] },
    });
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('lets the configured site frame the API and the pages, and no longer says DENY', async () => {
    const api = await t.app.request('/api/openapi.json');
    expect(api.headers.get('Content-Security-Policy')).toBe(`default-src 'none'; frame-ancestors ${SITE}`);
    expect(api.headers.get('X-Frame-Options')).toBeNull();
    const page = await t.app.request('/login');
    const csp = page.headers.get('Content-Security-Policy')!;
    expect(csp).toMatch(new RegExp(`frame-ancestors ${SITE.replaceAll('.', '\\.')}$`));
    expect(csp.match(/frame-ancestors/g)).toHaveLength(1);
    expect(csp).toMatch(/script-src 'self'/);
  });

  it('believes X-Forwarded-Proto from the trusted proxy', async () => {
    const response = await t.app.request('/api/openapi.json', { headers: { 'X-Forwarded-Proto': 'https' } });
    expect(response.headers.get('Strict-Transport-Security')).toBe('max-age=31536000; includeSubDomains');
  });

  it('answers CORS for the configured site only', async () => {
    const preflight = (origin: string) =>
      t.app.request('/api/forms', {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'GET',
          'Access-Control-Request-Headers': 'Authorization',
        },
      });
    const allowed = await preflight(SITE);
    expect(allowed.headers.get('Access-Control-Allow-Origin')).toBe(SITE);
    expect(allowed.headers.get('Access-Control-Allow-Headers')).toMatch(/Authorization/);
    const other = await preflight('https://evil.example');
    expect(other.headers.get('Access-Control-Allow-Origin')).toBeNull();
    const get = await t.app.request('/api/openapi.json', { headers: { Origin: 'https://evil.example' } });
    expect(get.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });
});

describe('CORS without configured sites', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite');
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('allows no other origin to read the API', async () => {
    const response = await t.app.request('/api/openapi.json', { headers: { Origin: SITE } });
    expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('refuses a body over the limit on every route that takes one, pages and unknown paths included', async () => {
    const big = 'x'.repeat(70 * 1024);
    const posts = [
      ['POST', '/api/session'],
      ['POST', '/api/forms/withdrawal/submissions'],
      ['PATCH', '/api/me/applications/x'],
      ['PUT', '/api/me/drafts/withdrawal'],
      ['POST', '/api/office/applications/x/decision'],
      ['POST', '/api/staff/forms/withdrawal/check'],
      ['POST', '/login'],
      ['POST', '/logout'],
      ['POST', '/office/applications/x/decision'],
      ['POST', '/no-such-page'],
      ['PUT', '/api/no-such-route'],
    ] as const;
    for (const [method, path] of posts) {
      const response = await t.app.request(path, {
        method,
        headers: { 'Content-Type': 'application/json', 'Content-Length': String(big.length) },
        body: big,
      });
      expect(response.status, `${method} ${path}`).toBe(413);
    }
    // The sign-in page takes even less: a form of two fields.
    const form = await t.app.request('/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `login=${'x'.repeat(40 * 1024)}`,
    });
    expect(form.status).toBe(413);
  });
});

describe('the settings behind the headers', () => {
  it('reads FRAME_ANCESTORS and TRUST_PROXY, and refuses a value that would smuggle in a directive', async () => {
    const settings = await readServerSettings(
      {
        FRAME_ANCESTORS: `${SITE}, https://portal.example-ishikai.jp:8443`,
        TRUST_PROXY: '1',
        EMBED_JWT_SECRET: 's'.repeat(32),
      },
      process.cwd(),
    );
    expect(settings.frameAncestors).toEqual([SITE, 'https://portal.example-ishikai.jp:8443']);
    expect(settings.trustedProxies).toBe(1);
    for (const bad of [`${SITE}; script-src *`, "'unsafe-inline'", 'javascript:alert(1)', '*']) {
      await expect(
        readServerSettings({ FRAME_ANCESTORS: bad, EMBED_JWT_SECRET: 's'.repeat(32) }, process.cwd()),
      ).rejects.toThrow(/FRAME_ANCESTORS/);
    }
    await expect(
      readServerSettings({ TRUST_PROXY: 'yes', EMBED_JWT_SECRET: 's'.repeat(32) }, process.cwd()),
    ).rejects.toThrow(/TRUST_PROXY/);
  });
});
