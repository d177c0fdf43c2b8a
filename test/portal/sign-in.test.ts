import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '../../server/errors/error-messages.js';
import { hiddenToken, PageClient, signedInPages, visibleText } from './support/page-client.js';
import { createPortalApp, type PortalTestApp } from './support/portal-app.js';

describe('portal sign-in and sign-out', () => {
  let t: PortalTestApp;
  beforeAll(async () => {
    t = await createPortalApp();
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('sends an anonymous visitor to the sign-in page, remembering where they were going', async () => {
    const browser = new PageClient(t.app);
    expect((await browser.get('/')).location).toBe('/login');
    const history = await browser.get('/history');
    expect(history.status).toBe(303);
    expect(history.location).toBe('/login?next=%2Fhistory');
    expect((await browser.get('/office/applications/x')).location).toBe('/login?next=%2Foffice%2Fapplications%2Fx');
  });

  it('shows the sign-in form with the manual wording and the demo accounts in development', async () => {
    const page = await new PageClient(t.app).get('/login');
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(text).toContain('医籍登録番号または事務局ID');
    expect(text).toContain('パスワード');
    expect(text).toContain('ログイン');
    expect(text).toContain('otaru-office');
  });

  it.each([
    ['123456', '/'],
    ['otaru-office', '/office'],
    ['staff', '/studio'],
  ])('signs %s in and sends them to %s', async (login, home) => {
    const browser = new PageClient(t.app);
    const response = await browser.signIn(login);
    expect(response.status).toBe(303);
    expect(response.location).toBe(home);
    expect(response.headers.get('Set-Cookie')).toMatch(
      /mamis_session=[\w-]{43}; Max-Age=43200; Path=\/; HttpOnly; SameSite=Lax/,
    );
    expect((await browser.get(home)).status).toBe(200);
  });

  it('returns to the page asked for, but never to another site', async () => {
    expect((await new PageClient(t.app).signIn('123456', undefined, '/history')).location).toBe('/history');
    expect((await new PageClient(t.app).signIn('123456', undefined, '//evil.example/')).location).toBe('/');
    expect((await new PageClient(t.app).signIn('123456', undefined, '/\\evil.example')).location).toBe('/');
    expect((await new PageClient(t.app).signIn('123456', undefined, 'https://evil.example/')).location).toBe('/');
  });

  it("refuses a wrong password with the server's Japanese message and keeps the login typed", async () => {
    const browser = new PageClient(t.app);
    const response = await browser.signIn('hokkaido-office', 'wrong-password');
    expect(response.status).toBe(401);
    expect(visibleText(response.text)).toContain(ERROR_MESSAGES.invalid_credentials.ja);
    expect(response.text).toContain('value="hokkaido-office"');
    expect(response.text).not.toContain('wrong-password');
    expect(browser.cookies.has('mamis_session')).toBe(false);
  });

  it('answers an unknown login exactly like a wrong password', async () => {
    const response = await new PageClient(t.app).signIn('nobody-office', 'demo1234');
    expect(response.status).toBe(401);
    expect(visibleText(response.text)).toContain(ERROR_MESSAGES.invalid_credentials.ja);
  });

  it('locks the account after five failures in a row and says so', async () => {
    const browser = new PageClient(t.app);
    for (let attempt = 0; attempt < 4; attempt++) {
      expect((await browser.signIn('aomori-office', 'wrong')).status).toBe(401);
    }
    const locked = await browser.signIn('aomori-office', 'wrong');
    expect(locked.status).toBe(429);
    expect(locked.headers.get('Retry-After')).toMatch(/^\d+$/);
    expect(visibleText(locked.text)).toContain(ERROR_MESSAGES.account_locked.ja);
    // Even the right password waits for the lock to end.
    expect((await browser.signIn('aomori-office')).status).toBe(429);
  });

  it('refuses a sign-in post without the form token (another site cannot sign anyone in)', async () => {
    const browser = new PageClient(t.app);
    const response = await browser.post('/login', { login: '123456', password: 'demo1234' });
    expect(response.status).toBe(403);
    expect(visibleText(response.text)).toContain(ERROR_MESSAGES.csrf_token_invalid.ja);
    expect(browser.cookies.has('mamis_session')).toBe(false);
  });

  it('starts a new session on every sign-in, ending the one the browser had', async () => {
    const browser = await signedInPages(t.app, '123456');
    const first = browser.cookies.get('mamis_session');
    // Signed in, /login redirects home; a form still open in another tab can post all the same.
    const token = browser.cookies.get('mamis_login_csrf')!;
    expect((await browser.post('/login', { _csrf: token, login: '123456', password: 'demo1234' })).status).toBe(303);
    const second = browser.cookies.get('mamis_session');
    expect(second).not.toBe(first);
    const stale = new PageClient(t.app);
    stale.cookies.set('mamis_session', first!);
    expect((await stale.get('/')).location).toBe('/login');
  });

  it('ログアウト ends the session on the server and clears the cookie', async () => {
    const browser = await signedInPages(t.app, '123456');
    const cookie = browser.cookies.get('mamis_session')!;
    const response = await browser.post('/logout', { _csrf: await browser.csrfToken() });
    expect(response.status).toBe(303);
    expect(response.location).toBe('/login?signed-out');
    expect(browser.cookies.has('mamis_session')).toBe(false);
    expect(visibleText((await browser.get('/login?signed-out')).text)).toContain('ログアウトしました');
    // The old cookie, replayed, no longer opens anything.
    const replay = new PageClient(t.app);
    replay.cookies.set('mamis_session', cookie);
    expect((await replay.get('/')).location).toBe('/login');
    const api = await t.app.request('/api/session', { headers: { Cookie: `mamis_session=${cookie}` } });
    expect(api.status).toBe(401);
  });

  it('refuses ログアウト without the CSRF token, and the session goes on', async () => {
    const browser = await signedInPages(t.app, '123456');
    const response = await browser.post('/logout', {});
    expect(response.status).toBe(403);
    expect(visibleText(response.text)).toContain(ERROR_MESSAGES.csrf_token_invalid.ja);
    expect((await browser.get('/')).status).toBe(200);
  });

  it('sends a signed-in visitor of /login to their home', async () => {
    const browser = await signedInPages(t.app, 'otaru-office');
    expect((await browser.get('/login')).location).toBe('/office');
    expect(hiddenToken((await browser.get('/office')).text)).toMatch(/^[\w-]+$/);
  });
});
