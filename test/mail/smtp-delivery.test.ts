import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createApplicationMailer,
  drainMailOutbox,
  type MailTransport,
  sampleMailInput,
  smtpTransport,
} from '../../server/mail/index.js';
import { createTestDatabase, type TestDatabase } from '../support/test-databases.js';
import { projectForm, projectTemplates } from './support/mail-fixtures.js';
import { parseMail, type SmtpTestServer, startSmtpTestServer } from './support/smtp-test-server.js';

const withdrawal = projectForm('withdrawal');
const HOSTILE = '<script>alert("x")</script> {{member.email}} & ＜全角＞';

describe('sending application mail over real SMTP', () => {
  let smtp: SmtpTestServer;
  let database: TestDatabase;
  let transport: MailTransport;

  beforeAll(async () => {
    smtp = await startSmtpTestServer({ refuse: ['office@jma.example.jp'] });
    database = await createTestDatabase('pglite');
    transport = smtpTransport({ url: smtp.url, from: 'MAMIS 医師会会員情報システム <no-reply@mamis.example.jp>' });
    const mailer = createApplicationMailer({
      templates: await projectTemplates(),
      newId: randomUUID,
      portalUrl: 'https://mamis.example.jp/',
    });
    const input = sampleMailInput(withdrawal, 'submitted', { data: { reason: 'other', reasonOther: HOSTILE } });
    await database.db.transaction().execute((trx) => mailer.enqueue(trx, input));
    await drainMailOutbox({ db: database.db, transport, onEvent: () => {} });
  });
  const arrivedFor = (address: string) => {
    const found = smtp.received.find((mail) => mail.to.includes(address));
    if (!found) throw new Error(`Nothing arrived for ${address}`);
    return found;
  };

  afterAll(async () => {
    await transport.close();
    await smtp.stop();
    await database.dispose();
  });

  it('delivers the member’s confirmation and a notice to each office that accepts mail', () => {
    expect(smtp.received.map((mail) => mail.to.join()).sort()).toEqual([
      'office@hokkaido.example.jp',
      'office@otaru.example.jp',
      'taro.nichii@example.jp',
    ]);
    expect(new Set(smtp.received.map((mail) => mail.from))).toEqual(new Set(['no-reply@mamis.example.jp']));
  });

  it('keeps the Japanese subject, sender and bodies intact through MIME encoding', async () => {
    const member = await parseMail(arrivedFor('taro.nichii@example.jp'));
    expect(member.subject).toBe('【MAMIS】退会届を受け付けました');
    expect(member.from?.value).toEqual([
      { address: 'no-reply@mamis.example.jp', name: 'MAMIS 医師会会員情報システム' },
    ]);
    expect(member.text).toContain('日医 太郎 様');
    expect(member.text).toContain('以下の内容で退会の申請を受け付けました。');
    expect(member.text).toContain('所属施設名：医療法人社団 青柳皮膚科医院');
    expect(member.html).toContain('<title>【MAMIS】退会届を受け付けました</title>');
    expect(member.html).toContain('[3層] 小樽市医師会');
    const office = await parseMail(arrivedFor('office@otaru.example.jp'));
    expect(office.subject).toBe('【MAMIS】退会届が提出されました（日医 太郎 様）');
    expect(office.text).toContain('小樽市医師会 事務局 御中');
  });

  it('sends a proper MIME message: 7-bit on the wire, encoded subject, text and HTML alternatives in UTF-8', async () => {
    const raw = arrivedFor('taro.nichii@example.jp').raw;
    expect([...raw].every((byte) => byte < 0x80)).toBe(true);
    const headers = raw.toString('ascii').split(/\r?\n\r?\n/)[0]!;
    expect(headers).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/im);
    expect(headers).toMatch(/^Content-Type: multipart\/alternative;/im);
    expect(raw.toString('ascii')).toMatch(/Content-Type: text\/plain; charset=utf-8/i);
    expect(raw.toString('ascii')).toMatch(/Content-Type: text\/html; charset=utf-8/i);
    const parsed = await parseMail(arrivedFor('taro.nichii@example.jp'));
    expect(parsed.messageId).toMatch(/^<[0-9a-f-]{36}@mamis\.example\.jp>$/);
  });

  it('arrives with member input escaped in the HTML part and verbatim in the text part', async () => {
    const member = await parseMail(arrivedFor('taro.nichii@example.jp'));
    expect(member.text).toContain(`その他の退会事由：${HOSTILE}`);
    expect(member.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; {{member.email}} &amp; ＜全角＞');
    expect(member.html).not.toContain('<script>');
  });

  it('gives up at once on a recipient the server refuses for good, recording why', async () => {
    const dead = await database.db
      .selectFrom('mail_outbox')
      .select(['to_address', 'status', 'attempts', 'last_error'])
      .where('status', '!=', 'sent')
      .execute();
    expect(dead).toEqual([
      { to_address: 'office@jma.example.jp', status: 'dead', attempts: 1, last_error: expect.stringContaining('550') },
    ]);
  });
});
