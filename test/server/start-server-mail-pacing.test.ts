import { mkdtemp, rm } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BATCH_SIZE, DEFAULT_BUSY_PAUSE_MS } from '../../server/mail/mail-worker.js';
import { type RunningServer, startServer } from '../../server/start-server.js';
import { createTestDatabase, type TestDatabase } from '../support/test-databases.js';

/**
 * The server's own mail worker is told when requests are being answered: `npm start` wires the
 * HTTP server's activity to it. On the PostgreSQL server, where this test can queue mail beside
 * the running server; the pause itself is tested on the worker alone.
 */
describe('npm start: the mail worker gives way to requests in flight', () => {
  let dataDir: string;
  let database: TestDatabase;
  let server: RunningServer;
  let held: Socket | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'mamis-pacing-'));
    database = await createTestDatabase('postgres');
    server = await startServer({
      env: { DATA_DIR: dataDir, PORT: '0', DATABASE_URL: database.url },
      root: process.cwd(),
      log: () => {},
    });
  });

  afterAll(async () => {
    held?.destroy();
    await server?.close();
    await database?.dispose();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('pauses between batches while a request is being answered', async () => {
    // A request in flight until the test ends: its headers promise a body that never comes.
    held = await heldRequest(new URL(server.url));
    // Queued before the worker's first look, a second after the server started listening.
    const count = 3 * DEFAULT_BATCH_SIZE;
    await database.db
      .insertInto('mail_outbox')
      .values(
        Array.from({ length: count }, (_, index) => ({
          id: `pacing-${index}`,
          application_id: null,
          event: 'submitted',
          template: 'submitted-member',
          to_address: `member-${index}@example.jp`,
          locale: 'ja',
          subject: '退会届を受け付けました',
          text_body: '本文',
          html_body: '<p>本文</p>',
          status: 'pending',
        })),
      )
      .execute();

    const sentAt = await waitForSent(database, count);
    // Each batch is recorded with one time; between them the worker waited for the request.
    const batches = [...new Set(sentAt)].sort((a, b) => a - b);
    expect(batches.length).toBeGreaterThanOrEqual(3);
    for (let index = 1; index < batches.length; index++) {
      expect(batches[index]! - batches[index - 1]!).toBeGreaterThanOrEqual(DEFAULT_BUSY_PAUSE_MS - 10);
    }
  });
});

async function heldRequest(url: URL): Promise<Socket> {
  const socket = connect(Number(url.port), '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  socket.write(
    'POST /api/session HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{',
  );
  // The server counts it once it has read the headers.
  await new Promise((resolve) => setTimeout(resolve, 100));
  return socket;
}

/** The send times of the test's mails, once all are sent (the worker polls every 5 s at most). */
async function waitForSent(database: TestDatabase, count: number): Promise<number[]> {
  for (let tries = 0; tries < 100; tries++) {
    const rows = await database.db
      .selectFrom('mail_outbox')
      .select('sent_at')
      .where('id', 'like', 'pacing-%')
      .where('status', '=', 'sent')
      .execute();
    if (rows.length === count) return rows.map((row) => new Date(row.sent_at!).getTime());
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('The worker did not send the queued mails within 10 s');
}
