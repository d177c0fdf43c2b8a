import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type ApplicationMailer,
  claimDueMails,
  createApplicationMailer,
  drainMailOutbox,
  exponentialBackoff,
  type MailTransport,
  requeueDeadMails,
  sampleMailInput,
  smtpTransport,
  startMailWorker,
} from '../../server/mail/index.js';
import { recordAttempts } from '../../server/mail/outbox-queue.js';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../support/test-databases.js';
import {
  eventually,
  projectForm,
  projectTemplates,
  type TestClock,
  testClock,
  withApplicationId,
} from './support/mail-fixtures.js';
import { messageIds, type SmtpTestServer, startSmtpTestServer } from './support/smtp-test-server.js';

const withdrawal = projectForm('withdrawal');
/** Mails one withdrawal sends on submission: the member and three offices. */
const MAILS_PER_SUBMISSION = 4;
const quiet = () => {};

for (const dialect of TEST_DIALECTS) {
  describe(`the mail outbox on ${dialect}`, () => {
    let database: TestDatabase;
    let clock: TestClock;
    let mailer: ApplicationMailer;
    let smtp: SmtpTestServer | undefined;
    let transport: MailTransport | undefined;

    beforeAll(async () => {
      database = await createTestDatabase(dialect);
    });
    afterAll(async () => {
      await database.dispose();
    });
    beforeEach(async () => {
      clock = testClock();
      mailer = createApplicationMailer({ templates: await projectTemplates(), newId: randomUUID, clock });
      await database.db.deleteFrom('mail_attempts').execute();
      await database.db.deleteFrom('mail_outbox').execute();
    });
    afterEach(async () => {
      await transport?.close();
      await smtp?.stop();
      transport = undefined;
      smtp = undefined;
    });

    const submit = (id: string) =>
      database.db
        .transaction()
        .execute((trx) => mailer.enqueue(trx, withApplicationId(sampleMailInput(withdrawal, 'submitted'), id)));
    const outbox = () =>
      database.db
        .selectFrom('mail_outbox')
        .select(['id', 'to_address', 'status', 'attempts', 'last_error', 'next_attempt_at'])
        .orderBy('id')
        .execute();

    it('writes no mail when the transaction that queued it rolls back', async () => {
      await expect(
        database.db.transaction().execute(async (trx) => {
          await mailer.enqueue(trx, sampleMailInput(withdrawal, 'submitted'));
          throw new Error('the application insert failed');
        }),
      ).rejects.toThrow('the application insert failed');
      expect(await outbox()).toEqual([]);
      expect(await submit('app-1')).toBe(MAILS_PER_SUBMISSION);
      expect(await outbox()).toHaveLength(MAILS_PER_SUBMISSION);
    });

    it('queues the rendered mail as pending, due now, for the recipients of the event', async () => {
      await submit('app-1');
      const rows = await database.db.selectFrom('mail_outbox').selectAll().orderBy('to_address').execute();
      expect(rows.map((row) => [row.to_address, row.template, row.locale, row.status, row.event])).toEqual([
        ['office@hokkaido.example.jp', 'common/office-submitted', 'ja', 'pending', 'submitted'],
        ['office@jma.example.jp', 'common/office-submitted', 'ja', 'pending', 'submitted'],
        ['office@otaru.example.jp', 'common/office-submitted', 'ja', 'pending', 'submitted'],
        ['taro.nichii@example.jp', 'withdrawal/member-submitted', 'ja', 'pending', 'submitted'],
      ]);
      expect(rows[3]?.subject).toBe('【MAMIS】退会届を受け付けました');
      expect(rows[3]?.application_id).toBe('app-1');
      expect(rows.every((row) => row.next_attempt_at.getTime() === clock.now().getTime())).toBe(true);
    });

    it('retries with growing waits while SMTP is down, records each attempt, and gives up after the last', async () => {
      smtp = await startSmtpTestServer();
      const url = smtp.url;
      await smtp.stop();
      smtp = undefined;
      transport = smtpTransport({ url, timeoutMs: 2_000 });
      await database.db.transaction().execute((trx) => mailer.enqueue(trx, sampleMailInput(withdrawal, 'withdrawn')));
      const options = {
        db: database.db,
        transport,
        clock,
        maxAttempts: 3,
        backoff: exponentialBackoff({ baseMs: 60_000 }),
        onEvent: quiet,
      };
      const start = clock.now().getTime();
      expect(await drainMailOutbox(options)).toEqual({ sent: 0, retried: 4, dead: 0 });
      // Nothing is due until the first wait is over.
      clock.advance(59_999);
      expect(await drainMailOutbox(options)).toEqual({ sent: 0, retried: 0, dead: 0 });
      clock.advance(1);
      expect(await drainMailOutbox(options)).toEqual({ sent: 0, retried: 4, dead: 0 });
      clock.advance(120_000);
      expect(await drainMailOutbox(options)).toEqual({ sent: 0, retried: 0, dead: 4 });
      clock.advance(3_600_000);
      expect(await drainMailOutbox(options)).toEqual({ sent: 0, retried: 0, dead: 0 });

      const rows = await outbox();
      expect(rows.map((row) => [row.status, row.attempts])).toEqual(Array(4).fill(['dead', 3]));
      expect(rows.every((row) => /ECONNREFUSED/.test(row.last_error ?? ''))).toBe(true);
      const attempts = await database.db
        .selectFrom('mail_attempts')
        .select(['mail_id', 'at', 'ok', 'error'])
        .orderBy('mail_id')
        .orderBy('at')
        .execute();
      expect(attempts).toHaveLength(12);
      expect(attempts.every((attempt) => !attempt.ok && /ECONNREFUSED/.test(attempt.error ?? ''))).toBe(true);
      const offsets = attempts.filter((attempt) => attempt.mail_id === rows[0]!.id).map((a) => a.at.getTime() - start);
      expect(offsets).toEqual([0, 60_000, 180_000]);
    });

    it('delivers every mail exactly once after the SMTP server comes back', async () => {
      smtp = await startSmtpTestServer();
      const port = smtp.port;
      await smtp.stop();
      transport = smtpTransport({ url: `smtp://127.0.0.1:${port}`, timeoutMs: 2_000 });
      for (const id of ['app-1', 'app-2', 'app-3']) await submit(id);
      const options = {
        db: database.db,
        transport,
        clock,
        backoff: exponentialBackoff({ baseMs: 1_000 }),
        onEvent: quiet,
      };
      expect(await drainMailOutbox(options)).toEqual({ sent: 0, retried: 12, dead: 0 });

      smtp = await startSmtpTestServer({ port });
      clock.advance(1_000);
      expect(await drainMailOutbox(options)).toEqual({ sent: 12, retried: 0, dead: 0 });
      clock.advance(24 * 3_600_000);
      expect(await drainMailOutbox(options)).toEqual({ sent: 0, retried: 0, dead: 0 });

      const rows = await outbox();
      expect(rows.map((row) => [row.status, row.attempts])).toEqual(Array(12).fill(['sent', 2]));
      const ids = await messageIds(smtp.received);
      expect(ids.sort()).toEqual(rows.map((row) => `<${row.id}@mamis.example.jp>`).sort());
    });

    it('sends a batch a few mails at a time, and records every attempt', async () => {
      smtp = await startSmtpTestServer();
      const smtpSend = smtpTransport({ url: smtp.url });
      transport = smtpSend;
      let inFlight = 0;
      let most = 0;
      const counting: MailTransport = {
        description: 'counting',
        async send(mail) {
          most = Math.max(most, ++inFlight);
          try {
            await smtpSend.send(mail);
          } finally {
            inFlight--;
          }
        },
        close: () => smtpSend.close(),
      };
      for (const id of ['app-1', 'app-2', 'app-3']) await submit(id);
      const options = { db: database.db, transport: counting, clock, concurrency: 3, batchSize: 5, onEvent: quiet };
      expect(await drainMailOutbox(options)).toEqual({ sent: 12, retried: 0, dead: 0 });
      expect(most).toBe(3);
      expect(smtp.received).toHaveLength(12);
      const attempts = await database.db.selectFrom('mail_attempts').select(['mail_id', 'ok']).execute();
      expect(attempts.map((attempt) => attempt.mail_id).sort()).toEqual((await outbox()).map((row) => row.id));
      expect(attempts.every((attempt) => attempt.ok)).toBe(true);
    });

    it('on stop, finishes the sends in flight and hands back the rest of the batch, due as before', async () => {
      await submit('app-1');
      const before = await outbox();
      const controller = new AbortController();
      const sent: string[] = [];
      const stopping: MailTransport = {
        description: 'stops the worker while its first two mails are in flight',
        async send(mail) {
          await new Promise((resolve) => setTimeout(resolve, 10));
          controller.abort();
          await new Promise((resolve) => setTimeout(resolve, 10));
          sent.push(mail.id);
        },
        close: async () => {},
      };
      const options = { db: database.db, transport: stopping, clock, concurrency: 2, batchSize: 4, onEvent: quiet };
      expect(await drainMailOutbox({ ...options, signal: controller.signal })).toEqual({
        sent: 2,
        retried: 0,
        dead: 0,
      });
      const after = await outbox();
      expect(
        after
          .filter((row) => row.status === 'sent')
          .map((row) => row.id)
          .sort(),
      ).toEqual(sent.sort());
      const handedBack = after.filter((row) => row.status === 'pending');
      expect(handedBack).toHaveLength(2);
      for (const row of handedBack) {
        expect(row.next_attempt_at).toEqual(before.find((earlier) => earlier.id === row.id)!.next_attempt_at);
      }
      expect(await drainMailOutbox(options)).toEqual({ sent: 2, retried: 0, dead: 0 });
    });

    it('pauses between batches while the process is busy with requests, and still sends everything', async () => {
      for (const id of ['app-1', 'app-2', 'app-3']) await submit(id);
      const sentAt: number[] = [];
      const timing: MailTransport = {
        description: 'notes when each mail goes out',
        async send() {
          sentAt.push(performance.now());
        },
        close: async () => {},
      };
      const options = { db: database.db, transport: timing, clock, batchSize: 4, onEvent: quiet };
      let asked = 0;
      const busy = () => {
        asked++;
        return true;
      };
      expect(await drainMailOutbox({ ...options, busy, busyPauseMs: 80 })).toEqual({ sent: 12, retried: 0, dead: 0 });
      // Three batches: the first goes at once, each later one after a pause.
      expect(asked).toBe(3);
      expect(sentAt[4]! - sentAt[3]!).toBeGreaterThanOrEqual(75);
      expect(sentAt[8]! - sentAt[7]!).toBeGreaterThanOrEqual(75);
    });

    it('sends a dead mail once it is requeued, keeping the history of its attempts', async () => {
      smtp = await startSmtpTestServer();
      const port = smtp.port;
      await smtp.stop();
      transport = smtpTransport({ url: `smtp://127.0.0.1:${port}`, timeoutMs: 2_000 });
      await submit('app-1');
      const options = { db: database.db, transport, clock, maxAttempts: 1, onEvent: quiet };
      expect(await drainMailOutbox(options)).toEqual({ sent: 0, retried: 0, dead: 4 });
      smtp = await startSmtpTestServer({ port });
      expect(await drainMailOutbox(options)).toEqual({ sent: 0, retried: 0, dead: 0 });
      expect(await requeueDeadMails(database.db, clock.now())).toBe(4);
      expect(await drainMailOutbox(options)).toEqual({ sent: 4, retried: 0, dead: 0 });
      expect(smtp.received).toHaveLength(4);
      const attempts = await database.db.selectFrom('mail_attempts').select(['ok']).execute();
      expect(attempts.map((attempt) => attempt.ok).sort()).toEqual([
        false,
        false,
        false,
        false,
        true,
        true,
        true,
        true,
      ]);
    });

    it('hides a claimed mail from other workers until its lease ends, then lets another take it', async () => {
      await submit('app-1');
      const first = await claimDueMails(database.db, { now: clock.now(), leaseMs: 300_000, limit: 10 });
      expect(first).toHaveLength(MAILS_PER_SUBMISSION);
      expect(await claimDueMails(database.db, { now: clock.now(), leaseMs: 300_000, limit: 10 })).toEqual([]);
      clock.advance(300_000);
      const second = await claimDueMails(database.db, { now: clock.now(), leaseMs: 300_000, limit: 10 });
      expect(second.map((mail) => mail.row.id).sort()).toEqual(first.map((mail) => mail.row.id).sort());
    });

    it('records a batch in one go: the attempts of a worker whose lease ran out, but not their outcome', async () => {
      await submit('app-1');
      const late = await claimDueMails(database.db, { now: clock.now(), leaseMs: 300_000, limit: 10 });
      clock.advance(300_000);
      const owned = await claimDueMails(database.db, { now: clock.now(), leaseMs: 300_000, limit: 10 });
      expect(owned.map((mail) => mail.row.id)).toEqual(late.map((mail) => mail.row.id));
      const [sent, retried, dead] = owned;
      expect(await recordAttempts(database.db, [{ claimed: late[0]!, outcome: { ok: true } }], clock.now())).toEqual(
        new Set(),
      );
      const mail = (id: string) =>
        database.db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      expect(await mail(sent!.row.id)).toMatchObject({ status: 'pending', attempts: 0 });

      const retryAt = new Date(clock.now().getTime() + 60_000);
      const held = await recordAttempts(
        database.db,
        [
          { claimed: sent!, outcome: { ok: true } },
          { claimed: retried!, outcome: { ok: false, error: '421 try later', retryAt } },
          { claimed: dead!, outcome: { ok: false, error: '550 no such user', retryAt: undefined } },
        ],
        clock.now(),
      );
      expect(held).toEqual(new Set([sent!.row.id, retried!.row.id, dead!.row.id]));
      expect(await mail(sent!.row.id)).toMatchObject({
        status: 'sent',
        attempts: 1,
        sent_at: clock.now(),
        last_error: null,
      });
      expect(await mail(retried!.row.id)).toMatchObject({
        status: 'pending',
        attempts: 1,
        next_attempt_at: retryAt,
        last_error: '421 try later',
      });
      expect(await mail(dead!.row.id)).toMatchObject({ status: 'dead', attempts: 1, last_error: '550 no such user' });
      const attempts = await database.db
        .selectFrom('mail_attempts')
        .select(['mail_id', 'ok', 'error'])
        .orderBy('id')
        .execute();
      expect(attempts).toEqual([
        { mail_id: sent!.row.id, ok: true, error: null },
        { mail_id: sent!.row.id, ok: true, error: null },
        { mail_id: retried!.row.id, ok: false, error: '421 try later' },
        { mail_id: dead!.row.id, ok: false, error: '550 no such user' },
      ]);
    });

    it('sends what the server queues while the worker runs, and stops cleanly', async () => {
      smtp = await startSmtpTestServer();
      transport = smtpTransport({ url: smtp.url });
      const worker = startMailWorker({ db: database.db, transport, pollIntervalMs: 50, onEvent: quiet });
      try {
        await submit('app-1');
        worker.wake();
        const received = smtp.received;
        await eventually(() => received.length === MAILS_PER_SUBMISSION);
      } finally {
        await worker.stop();
      }
      expect((await outbox()).map((row) => row.status)).toEqual(Array(MAILS_PER_SUBMISSION).fill('sent'));
    });
  });
}
