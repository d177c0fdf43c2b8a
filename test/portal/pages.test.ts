import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../server/support/api-client.js';
import { manualWithdrawal } from '../server/support/fixtures.js';
import { PageClient, type PageResponse, signedInPages, visibleText } from './support/page-client.js';
import { createPortalApp, type PortalTestApp } from './support/portal-app.js';

/** The pages' policy, directive by directive (their order carries no meaning). */
const CSP_DIRECTIVES = [
  "base-uri 'none'",
  "connect-src 'self'",
  "default-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "img-src 'self' data:",
  "script-src 'self'",
  "style-src 'self'",
];

function directives(policy: string | null): string[] {
  return (policy ?? '')
    .split(';')
    .map((directive) => directive.trim())
    .filter(Boolean)
    .sort();
}

function expectPageHeaders(response: PageResponse, path: string): void {
  expect(directives(response.headers.get('Content-Security-Policy')), path).toEqual(CSP_DIRECTIVES);
  expect(response.headers.get('X-Content-Type-Options'), path).toBe('nosniff');
  expect(response.headers.get('Referrer-Policy'), path).toBe('same-origin');
}

/** Nothing inline: every script is a file, no style attribute or element (the CSP forbids both). */
function expectNothingInline(html: string, path: string): void {
  expect(html, path).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  expect(html, path).not.toMatch(/<style[\s>]/);
  expect(html, path).not.toMatch(/\sstyle=/);
  expect(html, path).not.toMatch(/\son[a-z]+=/);
}

describe('portal pages', () => {
  let t: PortalTestApp;
  let applicationId: string;
  beforeAll(async () => {
    t = await createPortalApp();
    const taro = await signedIn(t.app, '123456');
    applicationId = (await taro.post('/api/forms/withdrawal/submissions', manualWithdrawal())).body.application.id;
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('sends the strict security headers with every page, redirect and error, and inlines nothing', async () => {
    const anonymous = new PageClient(t.app);
    const member = await signedInPages(t.app, '123456');
    const office = await signedInPages(t.app, 'otaru-office');
    const staff = await signedInPages(t.app, 'staff');
    const visits: [PageClient, string, number][] = [
      [anonymous, '/login', 200],
      [anonymous, '/', 303],
      [anonymous, '/no-such-page', 404],
      [member, '/', 200],
      [member, '/forms/withdrawal', 200],
      [member, '/forms/enrollment', 200],
      [member, '/forms/transfer', 200],
      [member, '/forms/no-such-form', 404],
      [member, '/history', 200],
      [member, '/profile', 200],
      [member, '/contact', 200],
      [member, '/notices', 200],
      [member, '/dev/mail', 200],
      [member, '/office', 303],
      [office, '/office', 200],
      [office, '/office?status=submitted', 200],
      [office, `/office/applications/${applicationId}`, 200],
      [office, '/office/applications/no-such-id', 404],
      [staff, '/studio', 200],
    ];
    for (const [browser, path, status] of visits) {
      const response = await browser.get(path);
      expect(response.status, path).toBe(status);
      expectPageHeaders(response, path);
      if (response.headers.get('Content-Type')?.startsWith('text/html')) expectNothingInline(response.text, path);
    }
  });

  it('serves its stylesheet and script from this server, cacheable for good under their hashed URL', async () => {
    const page = await new PageClient(t.app).get('/login');
    const css = /href="(\/assets\/portal\.css\?v=[0-9a-f]{12})"/.exec(page.text)?.[1];
    const js = /src="(\/assets\/portal\.js\?v=[0-9a-f]{12})"/.exec(page.text)?.[1];
    expect(css).toBeDefined();
    expect(js).toBeDefined();
    const style = await t.app.request(css!);
    expect(style.headers.get('Content-Type')).toBe('text/css; charset=utf-8');
    expect(style.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(style.headers.get('X-Content-Type-Options')).toBe('nosniff');
    const script = await t.app.request(js!);
    expect(script.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toContain('mamis-cancel');
    expect((await t.app.request('/assets/portal.css?v=old')).headers.get('Cache-Control')).toBe('no-cache');
    expect((await t.app.request('/assets/secrets.json')).status).toBe(404);
  });

  it('leaves the API its JSON answers, unknown paths included', async () => {
    const response = await t.app.request('/api/no-such-thing');
    expect(response.status).toBe(404);
    expect(response.headers.get('Content-Type')).toMatch(/^application\/json/);
    // Not the pages' policy: an API answer loads nothing.
    expect(directives(response.headers.get('Content-Security-Policy'))).not.toContain("script-src 'self'");
  });

  it('answers an unknown page with a Japanese 404 page', async () => {
    const response = await new PageClient(t.app).get('/no-such-page');
    expect(response.status).toBe(404);
    expect(visibleText(response.text)).toContain('ページが見つかりません');
  });

  it('shows マイページTOP with the manual header, the panels and one button per form', async () => {
    const member = await signedInPages(t.app, '123456');
    const page = await member.get('/');
    const text = visibleText(page.text);
    for (const words of [
      'MAMIS',
      '医師会 会員情報システム',
      'マイページ：日医 太郎 様',
      '医籍登録番号：第123456号',
      '日本医師会 20年以上',
      'ログアウト',
      'マイページTOP',
      '各種申請',
      '登録情報',
      '入会届',
      '異動届',
      '退会届',
      '医師会入退会履歴',
      'お問合せ',
      'お知らせ',
      '一覧へ',
      '※入会・異動・退会届は、医師会によって申請時にご提出いただく書類が異なります。',
    ]) {
      expect(text).toContain(words);
    }
    expect(page.text).toContain('<mamis-application-status base-url="">');
    expect(page.text).toContain('<script type="module" src="/components/mamis-components.js">');
    expect(page.text).toMatch(/<time datetime="\d{4}-\d{2}-\d{2}">\d{4}\/\d{2}\/\d{2}<\/time>/);
  });

  it('embeds the form component on each form page, and opens only the member’s own editable application for 修正', async () => {
    const member = await signedInPages(t.app, '123456');
    const page = await member.get('/forms/withdrawal');
    expect(page.text).toMatch(/<mamis-form\s+form="withdrawal"\s+base-url=""\s*><\/mamis-form>/);
    expect(visibleText(page.text)).toContain('マイページTOP > 退会届'.replace(' > ', ' '));
    expect(visibleText(page.text)).toContain('マイページTOPへ戻る');

    const edit = await member.get(`/forms/withdrawal?application=${applicationId}`);
    expect(edit.status).toBe(200);
    expect(edit.text).toContain(`application-id="${applicationId}"`);
    // Someone else's application is as unknown as a made-up one.
    const hanako = await signedInPages(t.app, '234567');
    expect((await hanako.get(`/forms/withdrawal?application=${applicationId}`)).status).toBe(404);
    // The wrong form for the application: back to マイページTOP.
    expect((await member.get(`/forms/transfer?application=${applicationId}`)).location).toBe('/');
  });

  it('shows 登録情報, お問合せ and お知らせ from the member’s own data', async () => {
    const member = await signedInPages(t.app, '123456');
    const profile = visibleText((await member.get('/profile')).text);
    expect(profile).toContain('ニチイ タロウ');
    expect(profile).toContain('1968/05/12');
    expect(profile).toContain('taro@example.jp');
    expect(profile).toContain('所属施設名：医療法人社団 青柳皮膚科医院');
    const contact = visibleText((await member.get('/contact')).text);
    expect(contact).toContain('小樽市医師会 事務局 office@otaru.example.jp');
    expect(contact).not.toContain('札幌市医師会'); // left in 2003
    const notices = visibleText((await member.get('/notices')).text);
    expect(notices).toMatch(/2026\/11\/20 MAMIS操作マニュアル（退会届）を掲載しました/);
  });

  it.each([
    ['123456', '/office', '/'],
    ['123456', '/studio', '/'],
    ['otaru-office', '/', '/office'],
    ['otaru-office', '/forms/withdrawal', '/office'],
    ['otaru-office', '/studio', '/office'],
    ['staff', '/', '/studio'],
    ['staff', '/office', '/studio'],
  ])('sends %s from %s to their own home %s', async (login, path, home) => {
    const browser = await signedInPages(t.app, login);
    const response = await browser.get(path);
    expect(response.status).toBe(303);
    expect(response.location).toBe(home);
  });

  it('shows the staff landing around the studio element even before the studio is built', async () => {
    const staff = await signedInPages(t.app, 'staff');
    const page = await staff.get('/studio');
    expect(page.text).toContain('<mamis-form-studio>');
    expect(visibleText(page.text)).toContain('システム担当');
    // This app serves no component folder, so the studio script is not referenced.
    expect(page.text).not.toContain('mamis-studio.js');
  });
});
