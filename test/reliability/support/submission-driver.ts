import { type LoadMember, withdrawalBody } from './load-members.js';

/** One application a member files: which group, under which Idempotency-Key. */
export interface Submission {
  readonly key: string;
  readonly member: LoadMember;
  readonly group: number;
}

/** What one HTTP attempt of a submission got back. */
export type Outcome =
  | { readonly kind: 'created'; readonly applicationId: string }
  | { readonly kind: 'replayed'; readonly applicationId: string }
  | { readonly kind: 'conflict' }
  | {
      readonly kind: 'unavailable';
      readonly retryAfter: string | null;
      readonly code: string;
      readonly message: string;
    }
  | { readonly kind: 'no-answer'; readonly error: string }
  | { readonly kind: 'unexpected'; readonly status: number; readonly body: string };

/** True when the answer settles the submission: stored (or refused for a reason that stays). */
export function isDefinitive(outcome: Outcome): boolean {
  return outcome.kind === 'created' || outcome.kind === 'replayed' || outcome.kind === 'conflict';
}

/** Files one submission as the member's browser would, and classifies the answer. */
export async function submitOnce(baseUrl: string, submission: Submission, timeoutMs = 30_000): Promise<Outcome> {
  let response: Response;
  try {
    response = await fetch(`${baseUrl}/api/forms/withdrawal/submissions`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Cookie: submission.member.cookie,
        'X-CSRF-Token': submission.member.csrfToken,
        'Idempotency-Key': submission.key,
      },
      body: withdrawalBody(submission.member, submission.group),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    return { kind: 'no-answer', error: describe(error) };
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    return { kind: 'no-answer', error: describe(error) };
  }
  const body = parse(text);
  const application = body?.application as { id?: unknown } | undefined;
  const error = body?.error as { code?: unknown; message?: unknown } | undefined;
  if ((response.status === 201 || response.status === 200) && typeof application?.id === 'string') {
    return { kind: response.status === 201 ? 'created' : 'replayed', applicationId: application.id };
  }
  if (response.status === 409 && error?.code === 'open_application_exists') return { kind: 'conflict' };
  if (response.status === 503) {
    return {
      kind: 'unavailable',
      retryAfter: response.headers.get('Retry-After'),
      code: String(error?.code),
      message: String(error?.message),
    };
  }
  return { kind: 'unexpected', status: response.status, body: text.slice(0, 500) };
}

/** Every attempt of every submission, by key. */
export class Ledger {
  readonly #attempts = new Map<string, { submission: Submission; outcomes: Outcome[] }>();

  record(submission: Submission, outcome: Outcome): void {
    let entry = this.#attempts.get(submission.key);
    if (!entry) this.#attempts.set(submission.key, (entry = { submission, outcomes: [] }));
    entry.outcomes.push(outcome);
  }

  entries() {
    return [...this.#attempts.values()];
  }

  /** Submissions whose last attempt did not settle them (no answer, 503): to retry. */
  unsettled(): Submission[] {
    return this.entries()
      .filter((entry) => !entry.outcomes.some(isDefinitive))
      .map((entry) => entry.submission);
  }

  /** Every outcome of every attempt. */
  outcomes(): Outcome[] {
    return this.entries().flatMap((entry) => entry.outcomes);
  }

  /** The application each settled key names (the first answer that named one). */
  applicationOf(key: string): string | undefined {
    for (const outcome of this.#attempts.get(key)?.outcomes ?? []) {
      if (outcome.kind === 'created' || outcome.kind === 'replayed') return outcome.applicationId;
    }
    return undefined;
  }
}

/**
 * Runs `task` over `items` with at most `concurrency` in flight. `shouldStop` is asked before
 * each new item: once it says yes, nothing new starts and the ones in flight finish.
 */
export async function runPool<T>(
  items: readonly T[],
  concurrency: number,
  task: (item: T) => Promise<void>,
  shouldStop: () => boolean = () => false,
): Promise<number> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !shouldStop()) {
      const item = items[next++]!;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return next;
}

function parse(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error.name}: ${error.message}${cause}`;
}
