import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMBEDDED_DATABASE_STOPPED, EmbeddedDatabaseClient } from '../../../server/db/embedded-database-client.js';
import { openEmbeddedDatabase, preloadEmbeddedDatabase } from '../../../server/db/embedded-database-preload.js';
import { EMBEDDED_DATABASE_SETTINGS } from '../../../server/db/embedded-database-settings.mjs';
import { isDatabaseUnavailable } from '../../../server/errors/database-unavailable.js';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../../..');

describe('the embedded database in its own thread', () => {
  let client: EmbeddedDatabaseClient;
  beforeAll(async () => {
    client = new EmbeddedDatabaseClient('memory://');
    await client.opened;
    await client.query('create table items (id int primary key, made timestamptz, day date, big int8, doc jsonb)');
  });
  afterAll(async () => {
    await client.close();
  });

  it('answers with rows as the PostgreSQL server driver gives them: Dates, and dates and int8 as text', async () => {
    const inserted = await client.query(
      `insert into items values (1, '2024-10-31T09:00:00Z', '2024-10-31', 9007199254740993, '{"a":[1]}'),
       (2, null, null, null, null)`,
    );
    expect(inserted.affectedRows).toBe(2);
    const { rows } = await client.query('select * from items where id = $1', [1]);
    expect(rows).toEqual([
      { id: 1, made: new Date('2024-10-31T09:00:00Z'), day: '2024-10-31', big: '9007199254740993', doc: { a: [1] } },
    ]);
  });

  it("opens with the settings of a one-connection database, not a server's defaults", async () => {
    const { rows } = await client.query(
      "select current_setting('shared_buffers') as shared_buffers, current_setting('max_connections') as max_connections",
    );
    expect(rows).toEqual([EMBEDDED_DATABASE_SETTINGS]);
  });

  it("passes on PostgreSQL's error with its fields, and goes on answering", async () => {
    const failure = await client.query('insert into items (id) values ($1)', [1]).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(failure).toMatchObject({
      message: 'duplicate key value violates unique constraint "items_pkey"',
      code: '23505',
      constraint: 'items_pkey',
      table: 'items',
    });
    expect(isDatabaseUnavailable(failure)).toBe(false);
    expect((await client.query('select count(*)::int as n from items')).rows).toEqual([{ n: 2 }]);
  });

  it('keeps answering in the order asked when many questions are in flight at once', async () => {
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, index) => client.query('select $1::int as n', [index])),
    );
    expect(answers.map(({ rows }) => (rows[0] as { n: number }).n)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it("leaves the server's thread free while a query works", async () => {
    // Timers of this thread keep firing while the database thread computes for a while.
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const started = performance.now();
    await client.query('select count(*) from generate_series(1, 1000000) as s(n) where n % 7 = 0');
    const elapsed = performance.now() - started;
    clearInterval(timer);
    expect(elapsed).toBeGreaterThan(50);
    // Were PGlite on this thread, the query would have run as one block with no tick at all.
    expect(ticks).toBeGreaterThan(elapsed / 5 / 4);
  });
});

describe('a closed or failed embedded database', () => {
  it('refuses every later question with an error that says the database is unavailable', async () => {
    const client = new EmbeddedDatabaseClient('memory://');
    await client.opened;
    await client.close();
    const failure = await client.query('select 1').catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: EMBEDDED_DATABASE_STOPPED });
    expect(isDatabaseUnavailable(failure)).toBe(true);
    await client.close(); // a second close does nothing
  });

  it('rejects the open with the reason when the folder cannot be opened', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'mamis-embedded-'));
    try {
      const file = path.join(folder, 'not-a-folder');
      await writeFile(file, 'a file, not a data folder');
      const client = new EmbeddedDatabaseClient(file);
      await expect(client.opened).rejects.toThrow(/EEXIST: file already exists, mkdir .*not-a-folder/);
      // What is asked of it later gets the same reason.
      await expect(client.query('select 1')).rejects.toThrow(/EEXIST/);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe('the preload', () => {
  it('is taken by the open of the same folder, and given up for another', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'mamis-embedded-'));
    try {
      preloadEmbeddedDatabase(path.join(folder, 'db'));
      const preloaded = openEmbeddedDatabase(path.join(folder, 'db'));
      expect(preloaded.folder).toBe(path.join(folder, 'db'));
      await preloaded.opened;
      await preloaded.query('create table kept (id int)');
      await preloaded.close();

      preloadEmbeddedDatabase(path.join(folder, 'db'));
      const other = openEmbeddedDatabase('memory://');
      expect(other.folder).toBe('memory://');
      await other.opened;
      await other.close();

      // Reopened, the folder has what the first client wrote.
      const again = openEmbeddedDatabase(path.join(folder, 'db'));
      await again.opened;
      expect((await again.query("select count(*)::int as n from pg_tables where tablename = 'kept'")).rows).toEqual([
        { n: 1 },
      ]);
      await again.close();
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe('a process with an open embedded database', () => {
  it('ends by itself once nothing is asked, and stays while a question waits', async () => {
    // Not closed on purpose: an idle database, like an idle socket, must not hold the process.
    const folder = await mkdtemp(path.join(tmpdir(), 'mamis-embedded-'));
    const script = path.join(folder, 'idle-client.mts');
    await writeFile(
      script,
      `
      import { EmbeddedDatabaseClient } from ${JSON.stringify(path.join(ROOT, 'server/db/embedded-database-client.ts'))};
      const client = new EmbeddedDatabaseClient('memory://');
      await client.opened;
      setTimeout(async () => {
        const { rows } = await client.query('select 41 + 1 as n');
        console.log(rows[0].n);
      }, 50);
    `,
    );
    try {
      const { stdout } = await run(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, timeout: 30_000 });
      expect(stdout.trim()).toBe('42');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
