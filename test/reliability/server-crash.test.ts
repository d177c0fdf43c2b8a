import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BATCH_SIZE } from '../../server/mail/mail-worker.js';
import { createFaultEnvironment, type FaultEnvironment } from './support/fault-environment.js';
import { reportFigures } from './support/figures.js';
import { createLoadMembers } from './support/load-members.js';
import { type OutboxRow, orphanRows, outboxOf, storedApplications } from './support/store-audit.js';
import {
  isDefinitive,
  Ledger,
  type Outcome,
  runPool,
  type Submission,
  submitOnce,
} from './support/submission-driver.js';
import { countBy, eventually, sleep } from './support/wait.js';

/** Submissions per run: a few hundred in CI, `FAULT_SUBMISSIONS=20000` by hand. */
const SUBMISSIONS = Number(process.env.FAULT_SUBMISSIONS ?? 200);
const CONCURRENCY = Number(process.env.FAULT_CONCURRENCY ?? 16);
/** Waits and time limits grow with a big run's size. */
const SCALE = Math.max(1, SUBMISSIONS / 200);
/** The share of submissions answered before the kill. */
const KILL_AT = 0.4;
const MAILS_PER_WITHDRAWAL = 4;
/** A mail claimed by the killed worker stays hidden this long (the worker's lease) before another takes it. */
const LEASE_MS = 5 * 60_000;

describe('the server killed with SIGKILL in the middle of concurrent submissions, then two servers at once', () => {
  let env: FaultEnvironment;
  const figures: Record<string, number> = {};

  beforeAll(async () => {
    env = await createFaultEnvironment();
  }, 300_000);
  afterAll(async () => {
    await env?.dispose();
  }, 120_000);

  describe('kill -9 and restart', () => {
    const ledger = new Ledger();
    let submissions: Submission[];
    let killedAt: Date;
    let claimedAtKill: ReadonlySet<string> = new Set();

    it('keeps every acknowledged submission whole and leaves nothing of the others', {
      timeout: 900_000 * SCALE,
    }, async () => {
      // Two groups per member, and for one member in ten a second key for the same group: a
      // rival that must be refused (409) whichever of the two gets in first.
      const members = await createLoadMembers(env.database.db, {
        count: Math.ceil(SUBMISSIONS / 2),
        groupsPerMember: 2,
        prefix: 'crash',
      });
      submissions = members.flatMap((member, index) => {
        const own: Submission[] = [0, 1].map((group) => ({ key: `crash-${index}-${group}`, member, group }));
        return index % 10 === 0 ? [...own, { key: `crash-${index}-rival`, member, group: 0 }] : own;
      });
      const first = env.servers[0]!;
      let answered = 0;
      let killing: Promise<void> | undefined;
      await runPool(
        submissions,
        CONCURRENCY,
        async (submission) => {
          ledger.record(submission, await submitOnce(first.url, submission));
          if (++answered === Math.floor(submissions.length * KILL_AT)) {
            killedAt = new Date();
            killing = first.kill();
          }
        },
        () => killing !== undefined,
      );
      await killing;
      const noAnswerAtKill = ledger.outcomes().filter((outcome) => outcome.kind === 'no-answer').length;
      // What the killed worker held: claimed, maybe handed to the mail server, never recorded.
      claimedAtKill = new Set(
        (await outboxOf(env.database.db, 'crash')).filter(heldByKilledWorker).map((row) => row.id),
      );

      const second = await env.startServer();
      const untried = submissions.filter((submission) =>
        ledger.entries().every((entry) => entry.submission !== submission),
      );
      await runPool([...ledger.unsettled(), ...untried], CONCURRENCY, async (submission) => {
        ledger.record(submission, await submitOnce(second.url, submission));
      });
      for (let round = 0; round < 20 && ledger.unsettled().length > 0; round++) {
        await sleep(500);
        await runPool(ledger.unsettled(), CONCURRENCY, async (submission) => {
          ledger.record(submission, await submitOnce(second.url, submission));
        });
      }

      expect(ledger.unsettled()).toEqual([]);
      expect(
        ledger.outcomes().filter((outcome) => outcome.kind === 'unexpected' || outcome.kind === 'unavailable'),
      ).toEqual([]);
      // The kill landed while requests were in flight, or the test proved nothing.
      expect(noAnswerAtKill).toBeGreaterThan(0);

      const stored = await storedApplications(env.database.db, 'crash');
      const byKey = new Map(stored.map((row) => [row.idempotencyKey, row]));
      let lost = 0;
      for (const entry of ledger.entries()) {
        const id = ledger.applicationOf(entry.submission.key);
        if (id && byKey.get(entry.submission.key)?.id !== id) lost++;
      }
      const groups = countBy(stored, (row) => `${row.memberId}/${row.groupKey}`);
      const acknowledged = ledger.entries().filter((entry) => ledger.applicationOf(entry.submission.key)).length;
      Object.assign(figures, {
        'submissions (keys)': submissions.length,
        acknowledged,
        'refused as a second application for the group (409)': ledger
          .entries()
          .filter((entry) => entry.outcomes.some((outcome) => outcome.kind === 'conflict')).length,
        'no answer when the server was killed': noAnswerAtKill,
        'retried after the restart and found stored': ledger
          .entries()
          .filter(
            (entry) => entry.outcomes[0]?.kind === 'no-answer' && entry.outcomes.some((o) => o.kind === 'replayed'),
          ).length,
        lost,
        duplicated: stored.length - Object.keys(groups).length,
        'partial applications': stored.filter(
          (row) => row.targets !== 3 || row.submittedEvents !== 1 || row.submittedMails !== MAILS_PER_WITHDRAWAL,
        ).length,
      });
      expect(lost).toBe(0);
      expect(figures['duplicated']).toBe(0);
      expect(figures['partial applications']).toBe(0);
      expect(await orphanRows(env.database.db)).toBe(0);
      // Nothing stored that no answer named: every key was settled, so an extra row would be a ghost.
      expect(stored.length).toBe(acknowledged);
      // One application per group: every member's two groups, whichever key of a rival pair won.
      expect(stored.length).toBe(submissions.filter((submission) => !submission.key.endsWith('-rival')).length);
    });

    it('answers a retry of any key after the restart with the original application', {
      timeout: 600_000 * SCALE,
    }, async () => {
      const server = env.servers.at(-1)!;
      const again = new Ledger();
      await runPool(submissions, CONCURRENCY, async (submission) => {
        again.record(submission, await submitOnce(server.url, submission));
      });
      let retriedOk = 0;
      for (const entry of ledger.entries()) {
        const [retry] = again.entries().find((other) => other.submission.key === entry.submission.key)!.outcomes as [
          Outcome,
        ];
        const original = ledger.applicationOf(entry.submission.key);
        if (original) {
          expect(retry).toEqual({ kind: 'replayed', applicationId: original });
          retriedOk++;
        } else {
          expect(retry.kind, entry.submission.key).toBe('conflict');
        }
      }
      figures['retried with the same key, same application'] = retriedOk;
    });

    it('sends every other mail once, and those the killed worker had claimed at most twice, after its lease', {
      timeout: 300_000 * SCALE,
    }, async () => {
      const rows = await eventually(
        'the outbox drained but for the killed worker’s claims',
        async () => {
          const rows = await outboxOf(env.database.db, 'crash');
          const waiting = rows.filter((row) => row.status !== 'sent' && !claimedAtKill.has(row.id));
          return waiting.length === 0 ? rows : undefined;
        },
        150_000 * SCALE,
        500,
        async () =>
          JSON.stringify(countBy(await outboxOf(env.database.db, 'crash'), (row) => `${row.status}/${row.attempts}`)),
      );
      // The worker claims a batch at a time: that is all a kill can leave in doubt.
      expect(claimedAtKill.size).toBeLessThanOrEqual(DEFAULT_BATCH_SIZE);
      const delivered = countBy(await env.deliveredIds(), (id) => id);
      let twice = 0;
      for (const row of rows) {
        const count = delivered[env.messageIdOf(row.id)] ?? 0;
        if (!claimedAtKill.has(row.id)) {
          expect(count, row.id).toBe(1);
          continue;
        }
        // Handed to the mail server just before the kill, then sent again once the lease ran
        // out (runs longer than 5 minutes): at least once, at most twice, same Message-ID.
        expect(count, row.id).toBeLessThanOrEqual(row.status === 'sent' ? 2 : 1);
        if (row.status === 'sent') expect(count, row.id).toBeGreaterThanOrEqual(1);
        if (count === 2) twice++;
      }
      figures['mails sent exactly once'] = rows.filter((row) => !claimedAtKill.has(row.id)).length;
      figures['mails the killed worker had claimed'] = claimedAtKill.size;
      figures['of those, sent again after its lease (same Message-ID)'] = twice;
    });

    /**
     * Claimed before the kill and never recorded: still pending, not tried, its next attempt
     * pushed a lease beyond its creation, and that lease taken before the kill.
     */
    function heldByKilledWorker(row: OutboxRow): boolean {
      const leased = row.nextAttemptAt.getTime() - row.createdAt.getTime() > LEASE_MS / 2;
      return (
        row.status === 'pending' &&
        row.attempts === 0 &&
        leased &&
        row.nextAttemptAt.getTime() <= killedAt.getTime() + LEASE_MS + 1_000
      );
    }
  });

  describe('two server processes against one PostgreSQL', () => {
    it('files one application per group however the same group is hammered through both', {
      timeout: 600_000 * SCALE,
    }, async () => {
      const [left, right] = [env.servers.at(-1)!, await env.startServer()];
      const members = await createLoadMembers(env.database.db, {
        count: Math.ceil(SUBMISSIONS / 2),
        groupsPerMember: 1,
        prefix: 'twin',
      });
      const pairs = members.map((member, index) => ({ member, index }));
      const results: { same: boolean; outcomes: Outcome[] }[] = [];
      await runPool(pairs, Math.max(1, CONCURRENCY / 2), async ({ member, index }) => {
        // One member in five retries the same key through the other server at the same moment;
        // the others send two different keys for the same group, one through each server.
        const same = index % 5 === 0;
        const outcomes = await Promise.all([
          submitOnce(left.url, { key: `twin-${index}-a`, member, group: 0 }),
          submitOnce(right.url, { key: same ? `twin-${index}-a` : `twin-${index}-b`, member, group: 0 }),
        ]);
        results.push({ same, outcomes });
      });
      for (const { same, outcomes } of results) {
        expect(outcomes.every(isDefinitive), JSON.stringify(outcomes)).toBe(true);
        const kinds = outcomes.map((outcome) => outcome.kind).sort();
        if (same) {
          expect(kinds).toEqual(['created', 'replayed']);
          const ids = outcomes.map((outcome) => ('applicationId' in outcome ? outcome.applicationId : ''));
          expect(ids[0]).toBe(ids[1]);
        } else {
          expect(kinds).toEqual(['conflict', 'created']);
        }
      }
      const stored = await storedApplications(env.database.db, 'twin');
      expect(stored).toHaveLength(members.length);
      expect(new Set(stored.map((row) => row.memberId)).size).toBe(members.length);
      expect(
        stored.every(
          (row) => row.targets === 3 && row.submittedEvents === 1 && row.submittedMails === MAILS_PER_WITHDRAWAL,
        ),
      ).toBe(true);
      Object.assign(figures, {
        'two servers: groups hammered': members.length,
        'two servers: applications per group': stored.length / members.length,
      });
    });

    it('sends each mail once, with both servers draining the outbox', { timeout: 300_000 * SCALE }, async () => {
      const rows = await eventually(
        'every mail of the two servers sent',
        async () => {
          const rows = await outboxOf(env.database.db, 'twin');
          return rows.every((row) => row.status === 'sent') ? rows : undefined;
        },
        150_000 * SCALE,
        500,
      );
      const delivered = countBy(await env.deliveredIds(), (id) => id);
      for (const row of rows) expect(delivered[env.messageIdOf(row.id)], row.id).toBe(1);
      expect(rows.every((row) => row.attempts === 1)).toBe(true);
      figures['two servers: mails, each sent once'] = rows.length;
      expect(env.servers.filter((server) => !server.exited)).toHaveLength(2);
    });
  });

  it('reports the figures', async () => {
    await reportFigures('server-crash', figures);
  });
});
