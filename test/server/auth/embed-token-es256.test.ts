import { generateKeyPairSync, type KeyObject, sign as signBytes } from 'node:crypto';
import { sign } from 'hono/jwt';
import { describe, expect, it } from 'vitest';
import { type EmbedTokenConfig, verifyEmbedToken } from '../../../server/auth/embed-token.js';

const site = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const other = generateKeyPairSync('ec', { namedCurve: 'P-256' });

const now = new Date('2026-11-25T01:00:00Z');
const seconds = Math.floor(now.getTime() / 1000);
const claims = { sub: '123456', aud: 'mamis-embed', iat: seconds, exp: seconds + 300 };

const publicPem = (key: KeyObject) => key.export({ type: 'spki', format: 'pem' }).toString();
const privatePem = (key: KeyObject) => key.export({ type: 'pkcs8', format: 'pem' }).toString();

const config: EmbedTokenConfig = {
  algorithm: 'ES256',
  publicKey: publicPem(site.publicKey),
  audience: 'mamis-embed',
  maxLifetimeSeconds: 600,
};

const signedBy = (key: KeyObject, payload: Record<string, unknown> = claims) => sign(payload, privatePem(key), 'ES256');

describe('verifyEmbedToken with an ES256 public key', () => {
  it("accepts a token signed with the site's private key and returns the 医籍登録番号", async () => {
    const token = await signedBy(site.privateKey);
    expect(JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString())).toMatchObject({ alg: 'ES256' });
    expect(await verifyEmbedToken(token, config, now)).toBe('123456');
    expect(await verifyEmbedToken(await signedBy(site.privateKey, { ...claims, sub: '234567' }), config, now)).toBe(
      '234567',
    );
  });

  it('accepts a token a standard JWS library would make (raw 64-byte R||S signature, RFC 7518 §3.4)', async () => {
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const input = `${encode({ alg: 'ES256', typ: 'JWT' })}.${encode(claims)}`;
    const signature = signBytes('sha256', Buffer.from(input), { key: site.privateKey, dsaEncoding: 'ieee-p1363' });
    expect(signature).toHaveLength(64);
    expect(await verifyEmbedToken(`${input}.${signature.toString('base64url')}`, config, now)).toBe('123456');
    // A DER-encoded signature (what OpenSSL gives by default) is not a JWS signature.
    const der = signBytes('sha256', Buffer.from(input), site.privateKey);
    await expect(verifyEmbedToken(`${input}.${der.toString('base64url')}`, config, now)).rejects.toMatchObject({
      code: 'invalid_token',
    });
  });

  it('refuses a token signed with another key', async () => {
    const token = await signedBy(other.privateKey);
    await expect(verifyEmbedToken(token, config, now)).rejects.toMatchObject({ code: 'invalid_token' });
    // The same token passes with that other key's public half: only the key made the difference.
    expect(await verifyEmbedToken(token, { ...config, publicKey: publicPem(other.publicKey) }, now)).toBe('123456');
  });

  it('refuses a token for another audience', async () => {
    const token = await signedBy(site.privateKey, { ...claims, aud: 'someone-else' });
    await expect(verifyEmbedToken(token, config, now)).rejects.toMatchObject({ code: 'invalid_token' });
    expect(await verifyEmbedToken(token, { ...config, audience: 'someone-else' }, now)).toBe('123456');
  });

  it('refuses a token without an audience', async () => {
    const { aud: _, ...withoutAudience } = claims;
    const token = await signedBy(site.privateKey, withoutAudience);
    await expect(verifyEmbedToken(token, config, now)).rejects.toMatchObject({ code: 'invalid_token' });
  });

  it('refuses a token whose payload was changed after signing', async () => {
    const [header, , signature] = (await signedBy(site.privateKey)).split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: '234567' })).toString('base64url');
    await expect(verifyEmbedToken(`${header}.${forged}.${signature}`, config, now)).rejects.toMatchObject({
      code: 'invalid_token',
    });
  });

  it('refuses an HS256 token made with the public key as secret, and an RS256 token', async () => {
    const confused = await sign(claims, config.publicKey!, 'HS256');
    await expect(verifyEmbedToken(confused, config, now)).rejects.toMatchObject({ code: 'invalid_token' });
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const rs256 = await sign(claims, privatePem(rsa.privateKey), 'RS256');
    await expect(
      verifyEmbedToken(rs256, { ...config, publicKey: publicPem(rsa.publicKey) }, now),
    ).rejects.toMatchObject({ code: 'invalid_token' });
  });

  it('applies the time rules to ES256 tokens too', async () => {
    const expired = await signedBy(site.privateKey, { ...claims, exp: seconds - 120 });
    await expect(verifyEmbedToken(expired, config, now)).rejects.toMatchObject({ code: 'invalid_token' });
    const tooLong = await signedBy(site.privateKey, { ...claims, exp: seconds + 24 * 3600 });
    await expect(verifyEmbedToken(tooLong, config, now)).rejects.toMatchObject({ code: 'invalid_token' });
  });
});
