import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '../../support/test-databases.js';
import { ApiClient, signedIn } from '../support/api-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

for (const dialect of TEST_DIALECTS) {
  describe(`/api/session on ${dialect}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(dialect);
    });
    afterAll(async () => {
      await t.dispose();
    });

    const attempt = (client: ApiClient, login: string, password: string) =>
      client.post('/api/session', { login, password });

    it('signs a member in with 医籍登録番号 and demo1234, setting an HttpOnly SameSite cookie', async () => {
      const client = new ApiClient(t.app);
      const response = await attempt(client, '123456', 'demo1234');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        account: { id: 'account-123456', role: 'member', name: '日医 太郎' },
        csrfToken: expect.any(String),
      });
      const cookie = response.headers.get('Set-Cookie') ?? '';
      expect(cookie).toMatch(/^mamis_session=[\w-]{43};/);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
      expect(cookie).toMatch(/Max-Age=43200/);
      expect(cookie).not.toMatch(/Secure/);
    });

    it('marks the cookie Secure behind a TLS proxy', async () => {
      const response = await new ApiClient(t.app).post(
        '/api/session',
        { login: '123456', password: 'demo1234' },
        { headers: { 'X-Forwarded-Proto': 'https' } },
      );
      expect(response.headers.get('Set-Cookie')).toMatch(/Secure/);
    });

    it('stores only the hash of the session token', async () => {
      const client = await signedIn(t.app, '234567');
      const token = client.cookie!.split('=')[1]!;
      const rows = await t.database.db.selectFrom('sessions').select('id').execute();
      expect(rows.some((row) => row.id === token)).toBe(false);
      expect(rows.every((row) => /^[0-9a-f]{64}$/.test(row.id))).toBe(true);
    });

    it('signs an office in, naming its association', async () => {
      const office = await signedIn(t.app, 'otaru-office');
      const response = await office.get('/api/session');
      expect(response.status).toBe(200);
      expect(response.body.account).toEqual({
        id: 'account-otaru-office',
        role: 'office',
        name: '小樽市医師会 事務局',
        associationId: 'city-otaru',
      });
      expect(response.body.csrfToken).toBe(office.csrfToken);
    });

    it('gives the same message for an unknown login and a wrong password', async () => {
      const unknown = await attempt(new ApiClient(t.app), '999999', 'demo1234');
      const wrong = await attempt(new ApiClient(t.app), '345678', 'wrong-password');
      expect(unknown.status).toBe(401);
      expect(wrong.status).toBe(401);
      expect(unknown.body).toEqual(wrong.body);
      expect(wrong.body.error).toEqual({
        code: 'invalid_credentials',
        message: 'ログインIDまたはパスワードが正しくありません',
      });
    });

    it('locks the account for 15 minutes after 5 failures, even for the right password', async () => {
      const client = new ApiClient(t.app);
      for (let failure = 1; failure <= 4; failure += 1) {
        expect((await attempt(client, 'sapporo-office', 'nope')).status).toBe(401);
      }
      const fifth = await attempt(client, 'sapporo-office', 'nope');
      expect(fifth.status).toBe(429);
      expect(fifth.headers.get('Retry-After')).toBe('900');
      expect(fifth.body.error.code).toBe('account_locked');
      expect(fifth.body.error.message).toMatch(/ロック/);
      const right = await attempt(client, 'sapporo-office', 'demo1234');
      expect(right.status).toBe(429);
      t.clock.advance(14 * 60 * 1000);
      expect((await attempt(client, 'sapporo-office', 'demo1234')).headers.get('Retry-After')).toBe('60');
      t.clock.advance(61 * 1000);
      expect((await attempt(client, 'sapporo-office', 'demo1234')).status).toBe(200);
    });

    it('resets the failure count on success', async () => {
      const client = new ApiClient(t.app);
      for (let failure = 1; failure <= 4; failure += 1) await attempt(client, 'hakodate-office', 'nope');
      expect((await attempt(client, 'hakodate-office', 'demo1234')).status).toBe(200);
      for (let failure = 1; failure <= 4; failure += 1) {
        expect((await attempt(client, 'hakodate-office', 'nope')).status).toBe(401);
      }
    });

    it('answers 401 to GET /api/session without a session', async () => {
      const response = await new ApiClient(t.app).get('/api/session');
      expect(response.status).toBe(401);
      expect(response.body.error.code).toBe('unauthenticated');
    });

    it('ends the session on sign-out: the old cookie no longer works', async () => {
      const client = await signedIn(t.app, '123456');
      const cookie = client.cookie;
      const response = await client.delete('/api/session');
      expect(response.status).toBe(204);
      expect(response.headers.get('Set-Cookie')).toMatch(/mamis_session=;.*Max-Age=0/);
      const replay = new ApiClient(t.app);
      replay.cookie = cookie;
      expect((await replay.get('/api/me')).status).toBe(401);
    });

    it('needs the CSRF token to sign out', async () => {
      const client = await signedIn(t.app, '123456');
      expect((await client.delete('/api/session', { withoutCsrf: true })).status).toBe(403);
      expect((await client.get('/api/me')).status).toBe(200);
    });

    it('starts a new session on every sign-in and ends the one the browser had', async () => {
      const client = await signedIn(t.app, '123456');
      const before = client.cookie;
      await attempt(client, '123456', 'demo1234');
      expect(client.cookie).not.toBe(before);
      const old = new ApiClient(t.app);
      old.cookie = before;
      expect((await old.get('/api/me')).status).toBe(401);
      expect((await client.get('/api/me')).status).toBe(200);
    });

    it('expires a session after 12 hours', async () => {
      const client = await signedIn(t.app, '234567');
      t.clock.advance(12 * 60 * 60 * 1000 - 1000);
      expect((await client.get('/api/me')).status).toBe(200);
      t.clock.advance(2000);
      expect((await client.get('/api/me')).status).toBe(401);
    });

    it('is 400 for a sign-in without a password', async () => {
      const response = await new ApiClient(t.app).post('/api/session', { login: '123456' });
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('invalid_request');
    });
  });
}
