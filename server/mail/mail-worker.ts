import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { isDatabaseUnavailable } from '../errors/database-unavailable.js';
import { type Backoff, exponentialBackoff } from './backoff.js';
import { type MailClock, systemClock } from './mail-clock.js';
import { MailSendError, type MailTransport } from './mail-transport.js';
import { type Attempt, type ClaimedMail, claimDueMails, recordAttempts, releaseMails } from './outbox-queue.js';

/** What a worker reports; the default writes failures and errors to stderr. */
export type MailWorkerEvent =
  | { readonly type: 'sent'; readonly id: string; readonly to: string }
  | {
      readonly type: 'failed';
      readonly id: string;
      readonly error: string;
      readonly attempt: number;
      readonly dead: boolean;
    }
  | { readonly type: 'lease-lost'; readonly id: string }
  | { readonly type: 'error'; readonly error: unknown };

export interface DrainOptions {
  readonly db: Kysely<Database>;
  readonly transport: MailTransport;
  /** Attempts before a mail is marked dead. */
  readonly maxAttempts?: number;
  readonly backoff?: Backoff;
  /** How long a claimed mail stays hidden from other workers; longer than any send can take. */
  readonly leaseMs?: number;
  /** Mails claimed, and their outcomes recorded, per statement. */
  readonly batchSize?: number;
  /**
   * Mails of a batch sent at the same time. Sending waits on the network (or the disk) far
   * longer than it uses the CPU; an SMTP transport opens one connection per send in flight.
   */
  readonly concurrency?: number;
  readonly clock?: MailClock;
  readonly onEvent?: (event: MailWorkerEvent) => void;
  /** Stops between two batches; a batch claimed but not yet sent is handed back. */
  readonly signal?: AbortSignal;
  /**
   * True while the process has more urgent work: requests to answer. The worker then pauses
   * `busyPauseMs` before each further batch, so that a backlog of mail (a burst of submissions,
   * mail requeued after an outage) goes out a little later instead of slowing every page.
   */
  readonly busy?: () => boolean;
  readonly busyPauseMs?: number;
}

export interface DrainResult {
  readonly sent: number;
  /** Failed attempts that will be tried again. */
  readonly retried: number;
  readonly dead: number;
}

export const DEFAULT_MAX_ATTEMPTS = 5;
const DEFAULT_LEASE_MS = 5 * 60_000;
export const DEFAULT_BATCH_SIZE = 20;
const DEFAULT_CONCURRENCY = 4;
/** With batches of 20, at most about 150 mails a second while requests keep the process busy. */
export const DEFAULT_BUSY_PAUSE_MS = 100;

/**
 * Sends every mail that is due now, a batch at a time, until none is left (mails waiting for a
 * later retry are not due). A batch is claimed in one statement, sent a few mails at a time
 * outside any transaction, and its attempts recorded in `mail_attempts` in one statement: two
 * commits per batch, where one per mail made the database's commits the limit. A crash between
 * a send and its record sends that batch's mails again when their lease ends (at least once,
 * never lost).
 */
export async function drainMailOutbox(options: DrainOptions): Promise<DrainResult> {
  const clock = options.clock ?? systemClock;
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const backoff = options.backoff ?? exponentialBackoff();
  const report = options.onEvent ?? reportToConsole;
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
  const result = { sent: 0, retried: 0, dead: 0 };
  let first = true;
  while (!options.signal?.aborted) {
    if (!first && options.busy?.()) {
      await pause(options.busyPauseMs ?? DEFAULT_BUSY_PAUSE_MS, options.signal);
      if (options.signal?.aborted) break;
    }
    first = false;
    const claimed = await claimDueMails(options.db, {
      now: clock.now(),
      leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS,
      limit: options.batchSize ?? DEFAULT_BATCH_SIZE,
    });
    if (claimed.length === 0) break;
    // Stopping lets the sends in flight finish and hands back the mails not yet begun.
    const outcomes = await mapConcurrently(claimed, concurrency, options.signal, (mail) =>
      sendOne(options.transport, mail),
    );
    const begun = claimed.filter((_, index) => outcomes[index] !== undefined);
    if (begun.length < claimed.length) await releaseMails(options.db, claimed.slice(begun.length));
    if (begun.length === 0) break;
    const now = clock.now();
    const attempts: Attempt[] = begun.map((mail, index) => {
      const outcome = outcomes[index]!;
      if (outcome.ok) return { claimed: mail, outcome };
      const dead = outcome.permanent || mail.row.attempts + 1 >= maxAttempts;
      const retryAt = dead ? undefined : new Date(now.getTime() + backoff(mail.row.attempts + 1));
      return { claimed: mail, outcome: { ok: false, error: outcome.error, retryAt } };
    });
    const held = await recordUntilReachable(
      () => recordAttempts(options.db, attempts, now),
      claimed[0]!.leaseUntil,
      clock,
      options.signal,
    );
    for (const { claimed: mail, outcome } of attempts) {
      if (!held.has(mail.row.id)) report({ type: 'lease-lost', id: mail.row.id });
      else if (outcome.ok) {
        result.sent++;
        report({ type: 'sent', id: mail.row.id, to: mail.row.to_address });
      } else {
        const dead = outcome.retryAt === undefined;
        if (dead) result.dead++;
        else result.retried++;
        report({ type: 'failed', id: mail.row.id, error: outcome.error, attempt: mail.row.attempts + 1, dead });
      }
    }
  }
  return result;
}

/** Waits `ms`, or less if the signal aborts meanwhile. */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * `work` over the items in order, at most `limit` at a time; results in the items' order. Once
 * `signal` aborts, no further item begins: the results end with a run of undefined.
 */
async function mapConcurrently<T, R>(
  items: readonly T[],
  limit: number,
  signal: AbortSignal | undefined,
  work: (item: T) => Promise<R>,
): Promise<(R | undefined)[]> {
  const results = new Array<R | undefined>(items.length).fill(undefined);
  let next = 0;
  const lane = async () => {
    while (next < items.length && !signal?.aborted) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

/**
 * Records an attempt, waiting out a database that went away meanwhile. A mail that went out
 * but was not recorded as sent would be sent again once its lease ends, so the worker keeps
 * trying to record while it still holds the lease (the database restarting takes seconds).
 */
async function recordUntilReachable<T>(
  record: () => Promise<T>,
  leaseUntil: Date,
  clock: MailClock,
  signal: AbortSignal | undefined,
): Promise<T> {
  // Measured on the machine's clock: the lease is real time even when the mail clock is a test's.
  const budgetMs = leaseUntil.getTime() - clock.now().getTime() - 30_000;
  const started = Date.now();
  for (let wait = 250; ; wait = Math.min(wait * 2, 5_000)) {
    try {
      return await record();
    } catch (error) {
      const late = Date.now() - started + wait > budgetMs;
      if (!isDatabaseUnavailable(error) || signal?.aborted || late) throw error;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

type SendOutcome = { readonly ok: true } | { readonly ok: false; readonly error: string; readonly permanent: boolean };

async function sendOne(transport: MailTransport, mail: ClaimedMail): Promise<SendOutcome> {
  try {
    await transport.send({
      id: mail.row.id,
      to: mail.row.to_address,
      subject: mail.row.subject,
      text: mail.row.text_body,
      html: mail.row.html_body,
    });
    return { ok: true };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: message.slice(0, 2000) || 'unknown error',
      permanent: error instanceof MailSendError && error.permanent,
    };
  }
}

export interface MailWorkerOptions extends Omit<DrainOptions, 'signal'> {
  /** How often to look for due mail when there was none. */
  readonly pollIntervalMs?: number;
}

export interface MailWorker {
  /** Looks for mail now instead of at the next poll, e.g. right after a commit that queued some. */
  wake(): void;
  /** Finishes the mails being sent, hands back the rest of their batch and stops. */
  stop(): Promise<void>;
}

/**
 * Runs `drainMailOutbox` in a loop, in the server process or alone (`npm run mail -- worker`).
 * Any number of workers, in any number of processes, may share one PostgreSQL database: row
 * locks and leases give each mail to one of them.
 */
export function startMailWorker(options: MailWorkerOptions): MailWorker {
  const controller = new AbortController();
  const report = options.onEvent ?? reportToConsole;
  const pollIntervalMs = options.pollIntervalMs ?? 5_000;
  let wakeUp: (() => void) | undefined;
  let woken = false;
  const loop = (async () => {
    while (!controller.signal.aborted) {
      woken = false;
      try {
        await drainMailOutbox({ ...options, signal: controller.signal });
      } catch (error) {
        // The database may be restarting: report and try again at the next poll.
        report({ type: 'error', error });
      }
      if (controller.signal.aborted || woken) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollIntervalMs);
        wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wakeUp = undefined;
    }
  })();
  return {
    wake() {
      woken = true;
      wakeUp?.();
    },
    async stop() {
      controller.abort();
      wakeUp?.();
      await loop;
    },
  };
}

function reportToConsole(event: MailWorkerEvent): void {
  if (event.type === 'failed') {
    console.error(
      `mail ${event.id}: attempt ${event.attempt} failed${event.dead ? ', giving up' : ''}: ${event.error}`,
    );
  } else if (event.type === 'lease-lost') {
    console.error(`mail ${event.id}: lease ran out during the send; another worker owns it now`);
  } else if (event.type === 'error') {
    console.error('mail worker:', event.error);
  }
}
