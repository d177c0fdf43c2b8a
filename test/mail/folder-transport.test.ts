import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { folderTransport, transportFromEnvironment } from '../../server/mail/index.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'mamis-mail-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the folder transport', () => {
  it('writes one .eml per mail that a mail client reads: both parts, Japanese intact', async () => {
    const times = [new Date('2026-11-25T04:39:00.123Z'), new Date('2026-11-25T04:39:01.000Z')];
    const transport = folderTransport({ dir: path.join(dir, 'mail'), now: () => times.shift()! });
    await transport.send({
      id: 'mail-b',
      to: 'taro.nichii@example.jp',
      subject: '【MAMIS】退会届を受け付けました',
      text: '日医 太郎 様\n',
      html: '<p>日医 太郎 様</p>',
    });
    await transport.send({
      id: 'mail-a',
      to: 'office@otaru.example.jp',
      subject: '二通目',
      text: 'x\n',
      html: '<p>x</p>',
    });
    const files = await readdir(path.join(dir, 'mail'));
    expect(files).toEqual(['20261125T043900123Z-mail-b.eml', '20261125T043901000Z-mail-a.eml']);
    const parsed = await simpleParser(await readFile(path.join(dir, 'mail', files[0]!)));
    expect(parsed.subject).toBe('【MAMIS】退会届を受け付けました');
    expect(parsed.text).toBe('日医 太郎 様\n');
    expect(parsed.html).toBe('<p>日医 太郎 様</p>');
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.text : '').toBe('taro.nichii@example.jp');
    expect(parsed.messageId).toBe('<mail-b@mamis.example.jp>');
  });

  it('makes its folder on the first mail, and again when someone removed it', async () => {
    const folder = path.join(dir, 'nested', 'mail');
    const transport = folderTransport({ dir: folder });
    const mail = { to: 'a@example.jp', subject: 's', text: 't', html: '<p>h</p>' };
    await transport.send({ ...mail, id: 'one' });
    await rm(path.join(dir, 'nested'), { recursive: true });
    await transport.send({ ...mail, id: 'two' });
    expect((await readdir(folder)).map((name) => name.replace(/^\w+-/, ''))).toEqual(['two.eml']);
  });

  it('is what the environment gives without MAIL_URL, in DATA_DIR/mail', async () => {
    const transport = transportFromEnvironment({ DATA_DIR: dir });
    expect(transport.description).toBe(`folder ${path.join(dir, 'mail')}`);
    await transport.send({ id: 'one', to: 'a@example.jp', subject: 's', text: 't', html: '<p>h</p>' });
    expect(await readdir(path.join(dir, 'mail'))).toHaveLength(1);
  });

  it('is SMTP when MAIL_URL is set, and never shows the password', () => {
    const transport = transportFromEnvironment({ MAIL_URL: 'smtp://mamis:secret@mail.example.jp:587', DATA_DIR: dir });
    expect(transport.description).toBe('smtp://mail.example.jp:587');
  });
});
