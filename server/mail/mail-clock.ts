/** The time, passed in so tests can move it. The same shape as the server's clock. */
export interface MailClock {
  now(): Date;
}

export const systemClock: MailClock = { now: () => new Date() };
