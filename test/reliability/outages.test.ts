import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '../../server/errors/error-messages.js';
import { createFaultEnvironment, type FaultEnvironment } from './support/fault-environment.js';
import { reportFigures } from './support/figures.js';
import { createLoadMembers, type LoadMember } from './support/load-members.js';
import { orphanRows, outboxOf, storedApplications } from './support/store-audit.js';
import { Ledger, type Outcome, runPool, type Submission, submitOnce } from './support/submission-driver.js';
import { countBy, eventually, sleep } from './support/wait.js';

/** Submissions per run: a few hundred in CI, `FAULT_SUBMISSIONS=20000` by hand. */
const SUBMISSIONS = Number(process.env.FAULT_SUBMISSIONS ?? 160);
const CONCURRENCY = Number(process.env.FAULT_CONCURRENCY ?? 16);
/** Waits and time limits grow with a big run's size. */
const SCALE = Math.max(1, SUBMISSIONS / 160);
/** How long the database stays down. */
const OUTAGE_MS = Number(process.env.FAULT_OUTAGE_MS ?? 2000);
const MAILS_PER_WITHDRAWAL = 4;

describe('the PostgreSQL server restarted under load, and the mail server down for a while', () => {
  let env: FaultEnvironment;
  let members: LoadMember[];
  const ledger = new Ledger();
  const figures: Record<string, number> = {};

  beforeAll(async () => {
    env = await createFaultEnvironment();
    members = await createLoadMembers(env.database.db, { count: SUBMISSIONS, groupsPerMember: 1, prefix: 'restart' });
  }, 300_000);
  afterAll(async () => {
    await env?.dispose();
  }, 120_000);

  it('answers 503 with Retry-After while the database is down, never 500, and recovers by itself', {
    timeout: 600_000 * SCALE,
  }, async () => {
    const server = env.servers[0]!;
    const submissions: Submission[] = members.map((member, index) => ({ key: `restart-${index}`, member, group: 0 }));
    let completed = 0;
    let outage: Promise<Outcome[]> | undefined;
    const restartDatabase = async (): Promise<Outcome[]> => {
      await env.cluster.stop('fast');
      // While it is down: reads and writes alike get 503, quickly.
      const probes: Outcome[] = [];
      const until = Date.now() + OUTAGE_MS;
      while (Date.now() < until) {
        const response = await fetch(`${server.url}/api/me`, { headers: { Cookie: members[0]!.cookie } });
        const body = (await response.json()) as { error?: { code?: string; message?: string } };
        probes.push(
          response.status === 503
            ? {
                kind: 'unavailable',
                retryAfter: response.headers.get('Retry-After'),
                code: String(body.error?.code),
                message: String(body.error?.message),
              }
            : { kind: 'unexpected', status: response.status, body: JSON.stringify(body) },
        );
        await sleep(100);
      }
      await env.cluster.start();
      return probes;
    };
    await runPool(submissions, CONCURRENCY, async (submission) => {
      ledger.record(submission, await submitOnce(server.url, submission));
      if (++completed === Math.floor(submissions.length * 0.3)) outage = restartDatabase();
    });
    const probes = (await outage) ?? [];
    // What was refused meanwhile is sent again with the same key, as the component does.
    for (let round = 0; round < 40 && ledger.unsettled().length > 0; round++) {
      await runPool(ledger.unsettled(), CONCURRENCY, async (submission) => {
        ledger.record(submission, await submitOnce(server.url, submission));
      });
      if (ledger.unsettled().length > 0) await sleep(500);
    }

    const outcomes = [...ledger.outcomes(), ...probes];
    const unavailable = outcomes.filter((outcome) => outcome.kind === 'unavailable');
    figures['submissions'] = submissions.length;
    figures['503 answers during the outage'] = unavailable.length;
    figures['500 answers'] = outcomes.filter((outcome) => outcome.kind === 'unexpected').length;
    figures['no answer'] = outcomes.filter((outcome) => outcome.kind === 'no-answer').length;
    expect(outcomes.filter((outcome) => outcome.kind === 'unexpected' || outcome.kind === 'no-answer')).toEqual([]);
    expect(probes.length).toBeGreaterThan(0);
    expect(unavailable.length).toBeGreaterThan(0);
    for (const outcome of unavailable) {
      expect(outcome).toEqual({
        kind: 'unavailable',
        retryAfter: '5',
        code: 'service_unavailable',
        message: ERROR_MESSAGES.service_unavailable.ja,
      });
    }
    expect(ledger.unsettled()).toEqual([]);
    expect(server.exited).toBe(false);
    expect(server.stderr()).not.toMatch(/ failed\b/);
  });

  it('stores every submission once and whole, as acknowledged', { timeout: 60_000 * SCALE }, async () => {
    const stored = await storedApplications(env.database.db, 'restart');
    const acknowledged = new Map(
      ledger.entries().map((entry) => [entry.submission.key, ledger.applicationOf(entry.submission.key)]),
    );
    figures['acknowledged'] = [...acknowledged.values()].filter(Boolean).length;
    figures['lost'] = [...acknowledged.values()].filter((id) => id && !stored.some((row) => row.id === id)).length;
    figures['duplicated'] = stored.length - new Set(stored.map((row) => row.idempotencyKey)).size;
    figures['retried ok'] = ledger
      .entries()
      .filter((entry) => entry.outcomes.length > 1 && ledger.applicationOf(entry.submission.key)).length;
    expect(figures['acknowledged']).toBe(SUBMISSIONS);
    expect(figures['lost']).toBe(0);
    expect(stored).toHaveLength(SUBMISSIONS);
    expect(figures['duplicated']).toBe(0);
    for (const row of stored) {
      expect(row.idempotencyKey && acknowledged.get(row.idempotencyKey)).toBe(row.id);
      expect([row.targets, row.submittedEvents, row.submittedMails]).toEqual([3, 1, MAILS_PER_WITHDRAWAL]);
    }
    expect(await orphanRows(env.database.db)).toBe(0);
  });

  it('sends the mail queued before, during and after the outage, each once', { timeout: 120_000 * SCALE }, async () => {
    const expected = SUBMISSIONS * MAILS_PER_WITHDRAWAL;
    const rows = await eventually(
      'every mail of the run sent',
      async () => {
        const rows = await outboxOf(env.database.db, 'restart');
        return rows.length === expected && rows.every((row) => row.status === 'sent') ? rows : undefined;
      },
      150_000 * SCALE,
      500,
      async () =>
        JSON.stringify(countBy(await outboxOf(env.database.db, 'restart'), (row) => `${row.status}/${row.attempts}`)),
    );
    await expectEachDeliveredOnce(rows.map((row) => row.id));
    figures['mails sent'] = expected;
    expect(env.servers[0]!.exited).toBe(false);
  });

  it('keeps mail waiting while the mail server is down, then sends each once', {
    timeout: 180_000 * SCALE,
  }, async () => {
    const server = env.servers[0]!;
    const later = await createLoadMembers(env.database.db, { count: 10, groupsPerMember: 1, prefix: 'smtpdown' });
    const deliveredBefore = env.received().length;
    await env.stopSmtp();
    for (const [index, member] of later.entries()) {
      const outcome = await submitOnce(server.url, { key: `smtpdown-${index}`, member, group: 0 });
      expect(outcome.kind).toBe('created');
    }
    const expected = later.length * MAILS_PER_WITHDRAWAL;
    // Tried, refused by the closed port, and kept for a later attempt: nothing lost, nothing sent.
    const waiting = await eventually('every new mail tried once and kept', async () => {
      const rows = await outboxOf(env.database.db, 'smtpdown');
      return rows.length === expected && rows.every((row) => row.status === 'pending' && row.attempts >= 1)
        ? rows
        : undefined;
    });
    expect(waiting.every((row) => row.lastError)).toBe(true);
    expect(env.received().length).toBe(deliveredBefore);
    await env.startSmtp();
    const sent = await eventually(
      'the waiting mail sent',
      async () => {
        const rows = await outboxOf(env.database.db, 'smtpdown');
        return rows.every((row) => row.status === 'sent') ? rows : undefined;
      },
      60_000,
    );
    await expectEachDeliveredOnce(sent.map((row) => row.id));
    figures['mails delayed by the SMTP outage, then sent once'] = expected;
  });

  /** Each of these outbox rows arrived exactly once, and no mail of the run arrived twice. */
  async function expectEachDeliveredOnce(outboxIds: readonly string[]): Promise<void> {
    const delivered = countBy(await env.deliveredIds(), (id) => id);
    for (const id of outboxIds) expect(delivered[env.messageIdOf(id)], id).toBe(1);
    expect(Object.values(delivered).filter((n) => n > 1)).toEqual([]);
  }

  it('reports the figures', async () => {
    await reportFigures('outages', figures);
  });
});
