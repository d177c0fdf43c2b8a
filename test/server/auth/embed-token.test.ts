import { generateKeyPairSync } from 'node:crypto';
import { sign } from 'hono/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyEmbedToken } from '../../../server/auth/embed-token.js';
import { TEST_DIALECTS } from '../../support/test-databases.js';
import { ApiClient } from '../support/api-client.js';
import { manualWithdrawal } from '../support/fixtures.js';
import { createTestApp, EMBED_AUDIENCE, embedToken, type TestApp } from '../support/test-app.js';

for (const dialect of TEST_DIALECTS) {
  describe(`embed tokens (Authorization: Bearer) on ${dialect}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(dialect);
    });
    afterAll(async () => {
      await t.dispose();
    });

    const withToken = (token: string) => {
      const client = new ApiClient(t.app);
      client.bearer = token;
      return client;
    };

    it('lets a site name the member by 医籍登録番号 without a second sign-in', async () => {
      const response = await withToken(await embedToken(t.clock)).get('/api/me');
      expect(response.status).toBe(200);
      expect(response.body.member).toMatchObject({ registrationNumber: '123456', name: '日医 太郎' });
    });

    it('files an application with a bearer token and no CSRF token', async () => {
      const response = await withToken(await embedToken(t.clock)).post(
        '/api/forms/withdrawal/submissions',
        manualWithdrawal(),
      );
      expect(response.status).toBe(201);
      const event = await t.database.db
        .selectFrom('application_events')
        .select('actor_account_id')
        .where('application_id', '=', response.body.application.id)
        .executeTakeFirstOrThrow();
      expect(event.actor_account_id).toBe('account-123456');
    });

    it('reports the session of a bearer caller without a CSRF token', async () => {
      const response = await withToken(await embedToken(t.clock, { sub: '234567' })).get('/api/session');
      expect(response.body).toEqual({
        account: { id: 'account-234567', role: 'member', name: '新宿 花子' },
        csrfToken: null,
      });
    });

    it('refuses an expired token', async () => {
      const token = await embedToken(t.clock, { expiresIn: 60 });
      t.clock.advance(2 * 60 * 1000);
      const response = await withToken(token).get('/api/me');
      expect(response.status).toBe(401);
      expect(response.body.error.code).toBe('invalid_token');
    });

    it('refuses a token for another audience', async () => {
      const response = await withToken(await embedToken(t.clock, { aud: 'someone-else' })).get('/api/me');
      expect(response.status).toBe(401);
      expect(response.body.error.code).toBe('invalid_token');
    });

    it('refuses a token signed with another secret', async () => {
      const token = await embedToken(t.clock, { secret: 'another-secret-of-the-same-length-0000' });
      expect((await withToken(token).get('/api/me')).status).toBe(401);
    });

    it('refuses a token whose signature was tampered with', async () => {
      const token = await embedToken(t.clock);
      const [header, payload] = token.split('.');
      const forged = JSON.parse(Buffer.from(payload!, 'base64url').toString());
      forged.sub = '234567';
      const tampered = `${header}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${token.split('.')[2]}`;
      expect((await withToken(tampered).get('/api/me')).status).toBe(401);
    });

    it('refuses a token that lives longer than allowed, or has no expiry', async () => {
      expect((await withToken(await embedToken(t.clock, { expiresIn: 24 * 3600 })).get('/api/me')).status).toBe(401);
      const now = Math.floor(t.clock.now().getTime() / 1000);
      const noExp = await sign(
        { sub: '123456', aud: EMBED_AUDIENCE, iat: now },
        'test-embed-secret-0123456789abcdefghij',
      );
      expect((await withToken(noExp).get('/api/me')).status).toBe(401);
    });

    it('refuses a token for an unknown member', async () => {
      expect((await withToken(await embedToken(t.clock, { sub: '000000' })).get('/api/me')).status).toBe(401);
    });

    it('refuses a malformed Authorization header', async () => {
      const client = new ApiClient(t.app);
      const response = await client.get('/api/me', { headers: { Authorization: 'Bearer not-a-jwt' } });
      expect(response.status).toBe(401);
      expect(response.body.error.message).toMatch(/認証トークン/);
    });
  });
}

describe('verifyEmbedToken with a public key', () => {
  it("accepts an RS256 token signed with the site's private key and refuses one signed with another", async () => {
    const site = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const now = new Date('2026-11-25T01:00:00Z');
    const claims = { sub: '123456', aud: 'mamis-embed', exp: Math.floor(now.getTime() / 1000) + 300 };
    const config = {
      algorithm: 'RS256' as const,
      publicKey: site.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      audience: 'mamis-embed',
      maxLifetimeSeconds: 600,
    };
    const good = await sign(claims, site.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), 'RS256');
    const bad = await sign(claims, other.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), 'RS256');
    expect(await verifyEmbedToken(good, config, now)).toBe('123456');
    await expect(verifyEmbedToken(bad, config, now)).rejects.toMatchObject({ code: 'invalid_token' });
    // An HS256 token made with the public key as secret (the classic confusion) is refused.
    const confused = await sign(claims, config.publicKey, 'HS256');
    await expect(verifyEmbedToken(confused, config, now)).rejects.toMatchObject({ code: 'invalid_token' });
  });
});
