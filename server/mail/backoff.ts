/** How long to wait after the nth failed attempt (1, 2, …) before the next one, in ms. */
export type Backoff = (attempt: number) => number;

export interface ExponentialBackoffOptions {
  /** The wait after the first failure. */
  readonly baseMs?: number;
  /** The longest wait. */
  readonly maxMs?: number;
}

/**
 * Doubles the wait after each failure: 5, 10, 20, 40 minutes, … up to 1 hour by default, so
 * with the worker's default of 5 attempts a mail survives a mail server outage of over an hour
 * before it is marked dead, and a server that is down is not hammered.
 */
export function exponentialBackoff(options: ExponentialBackoffOptions = {}): Backoff {
  const base = options.baseMs ?? 5 * 60_000;
  const max = options.maxMs ?? 60 * 60_000;
  return (attempt) => Math.min(max, base * 2 ** Math.max(0, attempt - 1));
}
