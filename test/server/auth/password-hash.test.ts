import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../../server/auth/password-hash.js';

const cheap = { N: 1024, r: 8, p: 1 };

describe('password hashing', () => {
  it('verifies the right password and refuses another', async () => {
    const hash = await hashPassword('demo1234', cheap);
    expect(hash).toMatch(/^scrypt\$1024\$8\$1\$[\w+/=]+\$[\w+/=]+$/);
    expect(await verifyPassword('demo1234', hash)).toBe(true);
    expect(await verifyPassword('demo1235', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('salts every hash, so equal passwords hash differently', async () => {
    const [a, b] = await Promise.all([hashPassword('demo1234', cheap), hashPassword('demo1234', cheap)]);
    expect(a).not.toBe(b);
  });

  it('uses the cost stored in the hash, so the default can be raised later', async () => {
    const hash = await hashPassword('パスワード', { N: 2048, r: 8, p: 1 });
    expect(hash.split('$')[1]).toBe('2048');
    // NFC: a decomposed パ still matches.
    expect(await verifyPassword('パスワード'.normalize('NFD'), hash)).toBe(true);
  });

  it('never matches a malformed hash', async () => {
    expect(await verifyPassword('demo1234', 'plain-text')).toBe(false);
    expect(await verifyPassword('demo1234', 'bcrypt$x$y$z$a$b')).toBe(false);
  });
});
