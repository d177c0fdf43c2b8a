import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';
import { TooManyAttemptsError } from '../errors/app-errors.js';
import { clientAddress } from '../http/client-address.js';
import type { Clock } from '../runtime/clock.js';

export interface SignInThrottlePolicy {
  /** Failed sign-ins from one address, whatever the logins, before it must wait. */
  readonly maxFailures: number;
  /** The sliding window the failures are counted in. */
  readonly windowMs: number;
}

/**
 * 30 failures in 15 minutes: far above what the doctors behind one hospital's address mistype,
 * far below what walking through many accounts needs (each account also locks after 5).
 */
export const DEFAULT_SIGN_IN_THROTTLE: SignInThrottlePolicy = { maxFailures: 30, windowMs: 15 * 60 * 1000 };

/** Addresses remembered at most; the oldest are forgotten first, so memory stays bounded. */
const MAX_ADDRESSES = 50_000;

/**
 * Counts failed sign-ins per client address in memory. The account lockout (in the database)
 * stops guessing one account's password; this stops one client trying a few passwords on each
 * of many accounts. Per process: behind a balancer with N servers the limit is N times looser,
 * which still keeps a walk through the member list slow.
 */
export class SignInThrottle {
  readonly #policy: SignInThrottlePolicy;
  readonly #clock: Clock;
  readonly #failures = new Map<string, number[]>();

  constructor(policy: SignInThrottlePolicy, clock: Clock) {
    this.#policy = policy;
    this.#clock = clock;
  }

  /** Seconds the address must wait before its next attempt; 0 when it may try now. */
  waitSeconds(address: string): number {
    const recent = this.#recent(address);
    if (recent.length < this.#policy.maxFailures) return 0;
    const oldest = recent[recent.length - this.#policy.maxFailures]!;
    const until = oldest + this.#policy.windowMs;
    return Math.max(1, Math.ceil((until - this.#clock.now().getTime()) / 1000));
  }

  recordFailure(address: string): void {
    const recent = this.#recent(address);
    recent.push(this.#clock.now().getTime());
    // Re-inserted so the map's order is least recently failed first.
    this.#failures.delete(address);
    this.#failures.set(address, recent);
    if (this.#failures.size > MAX_ADDRESSES) {
      const oldest = this.#failures.keys().next().value;
      if (oldest !== undefined) this.#failures.delete(oldest);
    }
  }

  #recent(address: string): number[] {
    const since = this.#clock.now().getTime() - this.#policy.windowMs;
    const recent = (this.#failures.get(address) ?? []).filter((at) => at > since);
    if (recent.length === 0) this.#failures.delete(address);
    else this.#failures.set(address, recent);
    return recent;
  }
}

export interface ThrottleSignInOptions {
  readonly throttle: SignInThrottle;
  readonly trustedProxies: number;
  /** How a refused attempt is answered; by default the API's 429 `too_many_attempts`. */
  readonly refuse?: (c: Parameters<MiddlewareHandler<AppEnv>>[0], waitSeconds: number) => Response;
}

/**
 * For a sign-in route: refuses a POST from an address with too many recent failures (429 with
 * Retry-After) and counts each failure (401, or 429 from a locked account) the route answers.
 */
export function throttleSignIn(options: ThrottleSignInOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const address = c.req.method === 'POST' ? clientAddress(c, options.trustedProxies) : undefined;
    if (address === undefined) return next();
    const wait = options.throttle.waitSeconds(address);
    if (wait > 0) {
      if (options.refuse) return options.refuse(c, wait);
      throw new TooManyAttemptsError(wait);
    }
    await next();
    if (c.res.status === 401 || c.res.status === 429) options.throttle.recordFailure(address);
  };
}
