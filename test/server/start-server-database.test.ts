import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MigrationError } from '../../server/db/migrate.js';
import { openDatabase } from '../../server/db/open-database.js';
import { PASSED_CHECK_FILE_NAME } from '../../server/forms/index.js';
import { StartupError, startServer } from '../../server/start-server.js';
import { FormVersionConflictError } from '../../server/store/form-versions.js';
import { copyProjectForms, editJson } from './support/project-copy.js';

// A start looks before it works: it runs the Migrator only when the migration table does not
// list exactly the migrations there are, publishes form versions only when the database does
// not hold each with its file's hash, and checks the forms only when the files or the code
// differ from those of the last check that passed here. These starts show that what the data
// folder holds still decides, as it did when every start migrated, published and checked.
describe('npm start on a data folder it has started on before', () => {
  let root: string;
  let dataDir: string;
  let lines: string[] = [];

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'mamis-restart-'));
    dataDir = path.join(root, 'data');
    await mkdir(path.join(root, 'web-components', 'dist'), { recursive: true });
    await copyProjectForms(root);
    await (await start()).close();
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await copyProjectForms(root);
    lines = [];
  });

  const start = (build?: string) =>
    startServer({
      env: { DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', MAIL_WORKER: 'off' },
      root,
      log: (line) => lines.push(line),
      build,
    });

  /** Runs `change` on the embedded database while no server has it open. */
  async function withDatabase(change: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<void>) {
    const database = await openDatabase({ dataDir: path.join(dataDir, 'db') });
    try {
      await change(database.db);
    } finally {
      await database.close();
    }
  }

  it('starts again without publishing anything', async () => {
    await (await start()).close();
    expect(lines.join('\n')).toContain('MAMIS forms server on');
    expect(lines.join('\n')).not.toContain('Published form versions');
  });

  it('publishes a raised version', async () => {
    await editJson(root, 'forms/withdrawal/form.json', (definition) => {
      definition.version = 2;
      definition.title.en = 'Withdrawal, second edition';
    });
    await (await start()).close();
    expect(lines).toContain('Published form versions: withdrawal@2');
  });

  it('refuses a version the database holds with other content', async () => {
    // Without its entry in published.json, only the database knows version 1 was published.
    await editJson(root, 'forms/published.json', (published) => {
      delete published.enrollment;
    });
    await editJson(root, 'forms/enrollment/form.json', (definition) => {
      definition.title.en = 'Enrollment, edited in place';
    });
    await expect(start()).rejects.toBeInstanceOf(FormVersionConflictError);
  });

  it('refuses a database with a migration this server does not know, as the Migrator does', async () => {
    await withDatabase(async (db) => {
      await sql`insert into kysely_migration (name, timestamp) values ('999-from-a-newer-server', ${new Date().toISOString()})`.execute(
        db,
      );
    });
    try {
      const error = await start().then(
        async (server) => {
          await server.close();
          return undefined;
        },
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(MigrationError);
      expect((error as MigrationError).message).toContain('999-from-a-newer-server');
    } finally {
      await withDatabase(async (db) => {
        await sql`delete from kysely_migration where name = '999-from-a-newer-server'`.execute(db);
      });
    }
  });

  it('checks the forms again whenever a file or the code changed since the check it recorded', async () => {
    await (await start('build-1')).close();
    const record = await readFile(path.join(dataDir, PASSED_CHECK_FILE_NAME), 'utf8');
    // The same files under the same code: the check is skipped, and nothing is recorded anew.
    await (await start('build-1')).close();
    expect(await readFile(path.join(dataDir, PASSED_CHECK_FILE_NAME), 'utf8')).toBe(record);

    const template = path.join(root, 'templates', 'common', 'office-submitted', 'text.ja.hbs');
    await writeFile(template, `${await readFile(template, 'utf8')}\n{{member.nme}}\n`);
    await expect(start('build-1')).rejects.toBeInstanceOf(StartupError);

    await copyProjectForms(root);
    await (await start('build-2')).close();
    expect(await readFile(path.join(dataDir, PASSED_CHECK_FILE_NAME), 'utf8')).not.toBe(record);
  });
});
