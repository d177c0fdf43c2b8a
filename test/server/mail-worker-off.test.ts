import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readServerSettings } from '../../server/config/server-settings.js';
import { openDatabase } from '../../server/db/open-database.js';
import { type RunningServer, startServer } from '../../server/start-server.js';

describe('MAIL_WORKER=off: the server queues mail and leaves the sending to a worker of its own', () => {
  let dataDir: string;
  let server: RunningServer | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'mamis-no-worker-'));
    server = await startServer({
      env: { DATA_DIR: dataDir, PORT: '0', MAIL_WORKER: 'off' },
      root: process.cwd(),
      log: () => {},
    });
  });
  afterAll(async () => {
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('accepts a withdrawal, writes no mail file, and keeps its mails pending in the outbox', async () => {
    const url = server!.url;
    const signIn = await fetch(`${url}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ login: '123456', password: 'demo1234' }),
    });
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const form = (await (await fetch(`${url}/api/forms/withdrawal`, { headers: { Cookie: cookie } })).json()) as {
      form: { version: number };
      sources: Record<string, { id: string; associations: { id: string }[] }[]>;
      today: string;
    };
    const group = form.sources['member.groups']![0]!;
    const date = new Date(`${form.today}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() + 30);
    const filed = await fetch(`${url}/api/forms/withdrawal/submissions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie, 'X-CSRF-Token': csrfToken },
      body: JSON.stringify({
        version: form.form.version,
        data: {
          withdrawFrom: { groupId: group.id, associationIds: [group.associations[0]!.id] },
          withdrawalDate: date.toISOString().slice(0, 10).replaceAll('-', '/'),
          reason: 'retirement',
        },
      }),
    });
    expect(filed.status).toBe(201);

    // A running worker sends within a second of the commit (it is woken by it).
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const files = await readdir(path.join(dataDir, 'mail')).catch(() => [] as string[]);
    expect(files.filter((file) => file.endsWith('.eml'))).toEqual([]);

    await server!.close();
    server = undefined;
    const { db, close } = await openDatabase({ dataDir: path.join(dataDir, 'db') });
    try {
      const mails = await db.selectFrom('mail_outbox').select(['status']).execute();
      expect(mails.length).toBeGreaterThan(0);
      expect(new Set(mails.map((mail) => mail.status))).toEqual(new Set(['pending']));
    } finally {
      await close();
    }
  });

  it('refuses a value other than on or off, naming the variable', async () => {
    await expect(readServerSettings({ MAIL_WORKER: 'maybe', DATA_DIR: dataDir }, process.cwd())).rejects.toThrow(
      /MAIL_WORKER must be "on" or "off"/,
    );
    expect((await readServerSettings({ DATA_DIR: dataDir }, process.cwd())).mailWorker).toBe(true);
  });
});
