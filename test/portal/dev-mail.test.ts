import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { folderTransport } from '../../server/mail/folder-transport.js';
import { createTestApp, type TestApp } from '../server/support/test-app.js';
import { PageClient, signedInPages, visibleText } from './support/page-client.js';
import { createPortalApp, type PortalTestApp } from './support/portal-app.js';

describe('the sent-mail folder in development (/dev/mail)', () => {
  let t: PortalTestApp;
  beforeAll(async () => {
    t = await createPortalApp();
    let minute = 0;
    const transport = folderTransport({ dir: t.mailFolder, now: () => new Date(Date.UTC(2026, 10, 25, 5, minute++)) });
    await transport.send({
      id: 'first',
      to: 'taro@example.jp',
      subject: '【MAMIS】退会届を受け付けました',
      text: '日医 太郎 様\n\n退会の申請を受付けました。',
      html: '<p>日医 太郎 様</p><p>退会の申請を<strong>受付けました</strong>。</p>',
    });
    await transport.send({
      id: 'second',
      to: 'office@otaru.example.jp',
      subject: '【MAMIS】退会届が届きました',
      text: '小樽市医師会 事務局 御中',
      html: '<p>小樽市医師会 事務局 御中</p>',
    });
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('lists the mails newest first with date, recipient and subject', async () => {
    const browser = await signedInPages(t.app, 'otaru-office');
    const text = visibleText((await browser.get('/dev/mail')).text);
    expect(text).toContain('送信メール');
    expect(text).toMatch(
      /\d{4}\/\d{2}\/\d{2} \d{2}:\d{2} office@otaru\.example\.jp 【MAMIS】退会届が届きました \d{4}\/\d{2}\/\d{2} \d{2}:\d{2} taro@example\.jp 【MAMIS】退会届を受け付けました/,
    );
  });

  it('shows one mail’s text, and serves its HTML part in a sandbox', async () => {
    const browser = await signedInPages(t.app, '123456');
    const list = await browser.get('/dev/mail');
    const name = /href="\/dev\/mail\/(\d{8}T\d{9}Z-first\.eml)"/.exec(list.text)?.[1];
    expect(name).toBeDefined();
    const mail = await browser.get(`/dev/mail/${name}`);
    const text = visibleText(mail.text);
    expect(text).toContain('宛先 taro@example.jp');
    expect(text).toContain('退会の申請を受付けました。');
    expect(text).toContain('HTML版を開く');
    const part = await browser.get(`/dev/mail/${name}/html`);
    expect(part.status).toBe(200);
    const policy = part.headers
      .get('Content-Security-Policy')
      ?.split(';')
      .map((directive) => directive.trim());
    expect(policy).toEqual(expect.arrayContaining(['sandbox', "default-src 'none'", "style-src 'unsafe-inline'"]));
    expect(policy).not.toContain("script-src 'self'");
    expect(part.text).toContain('<strong>受付けました</strong>');
  });

  it('answers 404 for names that are not mails of the folder', async () => {
    const browser = await signedInPages(t.app, '123456');
    for (const path of [
      '/dev/mail/nothing.eml',
      '/dev/mail/..%2Fsecrets.json',
      '/dev/mail/%2E%2E%2F%2E%2E%2Fpackage.json',
    ]) {
      expect((await browser.get(path)).status, path).toBe(404);
    }
  });

  it('is for signed-in accounts only', async () => {
    expect((await new PageClient(t.app).get('/dev/mail')).location).toBe('/login?next=%2Fdev%2Fmail');
  });

  it('does not exist when mail goes to an SMTP server', async () => {
    let smtp: TestApp | undefined;
    try {
      smtp = await createTestApp('pglite');
      const browser = await signedInPages(smtp.app, '123456');
      expect((await browser.get('/dev/mail')).status).toBe(404);
      expect((await browser.get('/')).text).not.toContain('href="/dev/mail"');
      expect(visibleText((await new PageClient(smtp.app).get('/login')).text)).not.toContain('デモ用アカウント');
    } finally {
      await smtp?.dispose();
    }
  });
});
