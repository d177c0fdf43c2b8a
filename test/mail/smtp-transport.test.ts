import type { AddressInfo } from 'node:net';
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { MailSendError, smtpTransport } from '../../server/mail/index.js';
import { type SmtpTestServer, startSmtpTestServer } from './support/smtp-test-server.js';

const MAIL = { id: 'mail-1', to: 'taro.nichii@example.jp', subject: '件名', text: '本文\n', html: '<p>本文</p>' };

describe('the SMTP transport', () => {
  let smtp: SmtpTestServer | undefined;
  let silent: Server | undefined;
  const sockets: Socket[] = [];
  afterEach(async () => {
    await smtp?.stop();
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => (silent ? silent.close(() => resolve()) : resolve()));
    smtp = undefined;
    silent = undefined;
  });

  it('fails in time, as a transient error, when the server accepts but never speaks', async () => {
    silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent!.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    const transport = smtpTransport({ url: `smtp://127.0.0.1:${port}`, timeoutMs: 300 });
    const started = Date.now();
    const error = await transport.send(MAIL).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MailSendError);
    expect((error as MailSendError).permanent).toBe(false);
    expect(Date.now() - started).toBeLessThan(5_000);
    await transport.close();
  });

  it('reports a refused recipient as permanent, with the server’s reply', async () => {
    smtp = await startSmtpTestServer({ refuse: ['taro.nichii@example.jp'] });
    const transport = smtpTransport({ url: smtp.url });
    const error = await transport.send(MAIL).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ permanent: true, message: expect.stringContaining('550') });
    await transport.close();
  });
});
