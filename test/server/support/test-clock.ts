import type { Clock } from '../../../server/runtime/clock.js';

/** 2026-11-25, 10:00 in Japan: the tests' "now". */
export const TEST_NOW = '2026-11-25T10:00:00+09:00';
export const TEST_TODAY = '2026-11-25';

export interface TestClock extends Clock {
  advance(ms: number): void;
}

/** A clock that stands still until a test moves it. */
export function testClock(start: string = TEST_NOW): TestClock {
  let now = new Date(start).getTime();
  return {
    now: () => new Date(now),
    advance(ms) {
      now += ms;
    },
  };
}
