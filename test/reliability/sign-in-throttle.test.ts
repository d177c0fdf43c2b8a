import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../server/support/test-app.js';

/** What @hono/node-server hands the app: the socket the request came in on. */
const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });
const MAX_FAILURES = 6;
const WINDOW_MS = 10 * 60 * 1000;

describe('sign-in throttling per client address, across logins', () => {
  let t: TestApp;
  let proxied: TestApp;
  beforeAll(async () => {
    const config = { signInThrottle: { maxFailures: MAX_FAILURES, windowMs: WINDOW_MS } };
    t = await createTestApp('pglite', { config });
    proxied = await createTestApp('pglite', { config: { ...config, trustedProxies: 1 } });
  });
  afterAll(async () => {
    await t?.dispose();
    await proxied?.dispose();
  });

  const signIn = (
    app: TestApp,
    address: string,
    login: string,
    password: string,
    headers: Record<string, string> = {},
  ) =>
    app.app.request(
      '/api/session',
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify({ login, password }),
      },
      from(address),
    );

  it('makes a client that walked through several accounts wait, even for a right password', async () => {
    // A few tries on each of several accounts: no account reaches its own lockout of 5.
    const logins = ['123456', '234567', '345678', 'no-such-login', 'otaru-office', 'sapporo-office'];
    for (const login of logins) expect((await signIn(t, '198.51.100.7', login, 'guess')).status).toBe(401);
    const refused = await signIn(t, '198.51.100.7', '456789', 'demo1234');
    expect(refused.status).toBe(429);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('too_many_attempts');
    expect(body.error.message).toMatch(/しばらく|時間をおいて/);
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0);
    // Nothing reached the accounts: none of them counts a failure from the refused attempt.
    const account = await t.database.db
      .selectFrom('accounts')
      .select(['failed_attempts', 'locked_until'])
      .where('login', '=', '456789')
      .executeTakeFirstOrThrow();
    expect(account).toEqual({ failed_attempts: 0, locked_until: null });
  });

  it('counts the portal sign-in page and the API together', async () => {
    for (let attempt = 0; attempt < MAX_FAILURES; attempt++) {
      expect((await signIn(t, '198.51.100.8', `nobody-${attempt}`, 'x')).status).toBe(401);
    }
    const page = await t.app.request(
      '/login',
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'login=123456&password=demo1234',
      },
      from('198.51.100.8'),
    );
    expect(page.status).toBe(429);
    expect(await page.text()).toMatch(/ログインの失敗が続いた/);
    expect(page.headers.get('Retry-After')).not.toBeNull();
  });

  it('leaves other clients alone, and lets the same one in again once the window has passed', async () => {
    expect((await signIn(t, '203.0.113.20', '456789', 'demo1234')).status).toBe(200);
    t.clock.advance(WINDOW_MS + 1000);
    expect((await signIn(t, '198.51.100.7', '456789', 'demo1234')).status).toBe(200);
  });

  it('does not count successful sign-ins: a hospital behind one address signs in all day', async () => {
    for (let attempt = 0; attempt < MAX_FAILURES * 3; attempt++) {
      expect((await signIn(t, '192.0.2.50', '234567', 'demo1234')).status).toBe(200);
    }
  });

  it('behind a trusted proxy, tells clients apart by X-Forwarded-For, and a forged entry does not help', async () => {
    for (let attempt = 0; attempt < MAX_FAILURES; attempt++) {
      // The client forges a new address each time; the proxy appends the real one.
      const forwarded = `10.9.9.${attempt}, 198.51.100.99`;
      const response = await signIn(proxied, '10.0.0.1', `nobody-${attempt}`, 'x', { 'X-Forwarded-For': forwarded });
      expect(response.status).toBe(401);
    }
    const refused = await signIn(proxied, '10.0.0.1', '123456', 'demo1234', {
      'X-Forwarded-For': '10.9.9.250, 198.51.100.99',
    });
    expect(refused.status).toBe(429);
    // Another client through the same proxy is not held back.
    const other = await signIn(proxied, '10.0.0.1', '123456', 'demo1234', { 'X-Forwarded-For': '203.0.113.77' });
    expect(other.status).toBe(200);
  });
});
