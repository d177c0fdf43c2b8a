import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApplicationMailer, sampleMailInput } from '../../server/mail/index.js';
import { createTestDatabase, type TestDatabase } from '../support/test-databases.js';
import { PROJECT_ROOT, projectForm, projectTemplates } from './support/mail-fixtures.js';
import { messageIds, type SmtpTestServer, startSmtpTestServer } from './support/smtp-test-server.js';

const run = promisify(execFile);
const TSX = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
const CLI = path.join(PROJECT_ROOT, 'server', 'cli', 'mail-cli.ts');

function mailCli(args: string[], env: Record<string, string> = {}) {
  return run(TSX, [CLI, ...args], { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, timeout: 60_000 });
}

describe('npm run mail', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'mamis-mail-cli-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('previews a template in the terminal and writes its HTML', async () => {
    const html = path.join(dir, 'preview.html');
    const data = path.join(dir, 'data.json');
    await writeFile(data, JSON.stringify({ decision: { comment: '書類を<再>提出してください。' } }));
    const { stdout } = await mailCli(['preview', 'common/member-returned', data, '--html', html]);
    expect(stdout).toContain('件名: 【MAMIS】退会届が差し戻されました（小樽市医師会）');
    expect(stdout).toContain('書類を<再>提出してください。');
    expect(await readFile(html, 'utf8')).toContain('書類を&lt;再&gt;提出してください。');
  });

  it('previews in English', async () => {
    const { stdout } = await mailCli(['preview', 'withdrawal/member-submitted', '--lang', 'en']);
    expect(stdout).toContain('Subject: [MAMIS] Your withdrawal application has been received');
  });

  describe('worker --once against a PostgreSQL server', () => {
    let database: TestDatabase;
    let smtp: SmtpTestServer;
    beforeAll(async () => {
      database = await createTestDatabase('postgres');
      smtp = await startSmtpTestServer();
      const mailer = createApplicationMailer({ templates: await projectTemplates(), newId: randomUUID });
      await database.db
        .transaction()
        .execute((trx) => mailer.enqueue(trx, sampleMailInput(projectForm('withdrawal'), 'submitted')));
    });
    afterAll(async () => {
      await smtp.stop();
      await database.dispose();
    });

    it('sends what is queued and exits', async () => {
      const { stdout } = await mailCli(['worker', '--once'], {
        DATABASE_URL: database.url!,
        MAIL_URL: smtp.url,
        DATA_DIR: dir,
      });
      expect(stdout).toContain('Sent 4, to retry 0, given up 0.');
      expect(await messageIds(smtp.received)).toHaveLength(4);
    });
  });
});
