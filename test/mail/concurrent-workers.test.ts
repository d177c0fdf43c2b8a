import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../server/db/open-database.js';
import {
  createApplicationMailer,
  type DrainResult,
  drainMailOutbox,
  type MailTransport,
  sampleMailInput,
  smtpTransport,
} from '../../server/mail/index.js';
import { createTestDatabase, type TestDatabase } from '../support/test-databases.js';
import { projectForm, projectTemplates, withApplicationId } from './support/mail-fixtures.js';
import { messageIds, type SmtpTestServer, startSmtpTestServer } from './support/smtp-test-server.js';

const withdrawal = projectForm('withdrawal');
const APPLICATIONS = 10;
const MAILS = APPLICATIONS * 4;

// Two workers as two server processes would run them: each with its own connection pool to
// the same PostgreSQL database and its own SMTP connection.
describe('two mail workers draining one PostgreSQL database at once', () => {
  let database: TestDatabase;
  let second: DatabaseHandle;
  let smtp: SmtpTestServer;
  const transports: MailTransport[] = [];
  let results: DrainResult[];

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    second = await openDatabase({ url: database.url, poolSize: 5 });
    // A slow server keeps both workers busy at the same time.
    smtp = await startSmtpTestServer({ delayMs: 25 });
    const mailer = createApplicationMailer({ templates: await projectTemplates(), newId: randomUUID });
    for (let index = 0; index < APPLICATIONS; index++) {
      const input = withApplicationId(sampleMailInput(withdrawal, 'submitted'), `app-${index}`);
      await database.db.transaction().execute((trx) => mailer.enqueue(trx, input));
    }
    transports.push(smtpTransport({ url: smtp.url }), smtpTransport({ url: smtp.url }));
    results = await Promise.all(
      [database.db, second.db].map((db, index) =>
        drainMailOutbox({ db, transport: transports[index]!, batchSize: 3, onEvent: () => {} }),
      ),
    );
  });
  afterAll(async () => {
    for (const transport of transports) await transport.close();
    await smtp.stop();
    await second.close();
    await database.dispose();
  });

  it('shares the work between them', () => {
    expect(results[0]!.sent).toBeGreaterThan(0);
    expect(results[1]!.sent).toBeGreaterThan(0);
    expect(results[0]!.sent + results[1]!.sent).toBe(MAILS);
  });

  it('delivers each mail exactly once', async () => {
    const ids = await messageIds(smtp.received);
    expect(ids).toHaveLength(MAILS);
    expect(new Set(ids).size).toBe(MAILS);
    const rows = await database.db.selectFrom('mail_outbox').select(['id', 'status', 'attempts']).execute();
    expect(new Set(ids)).toEqual(new Set(rows.map((row) => `<${row.id}@mamis.example.jp>`)));
    expect(rows.every((row) => row.status === 'sent' && row.attempts === 1)).toBe(true);
  });

  it('records one attempt per mail', async () => {
    const attempts = await database.db.selectFrom('mail_attempts').select(['mail_id', 'ok']).execute();
    expect(attempts).toHaveLength(MAILS);
    expect(new Set(attempts.map((attempt) => attempt.mail_id)).size).toBe(MAILS);
    expect(attempts.every((attempt) => attempt.ok)).toBe(true);
  });
});
