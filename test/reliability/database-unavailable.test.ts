import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '../../server/errors/database-unavailable.js';

describe('which errors mean the database is away for the moment (503), not a bug (500)', () => {
  it('knows the drivers’ and sockets’ codes, the SQLSTATEs of a restart, and pg’s messages', () => {
    const away = [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      Object.assign(new Error('the database system is starting up'), { code: '57P03' }),
      Object.assign(new Error('connection failure'), { code: '08006' }),
      Object.assign(new Error('sorry, too many clients already'), { code: '53300' }),
      Object.assign(new Error('write CONNECTION_CLOSED'), { code: 'CONNECTION_CLOSED' }),
      new Error('Connection terminated unexpectedly'),
      new Error('Client has encountered a connection error and is not queryable'),
      new Error('timeout exceeded when trying to connect'),
      new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })], 'connect failed'),
      new Error('wrapped', { cause: Object.assign(new Error('x'), { code: '57P01' }) }),
    ];
    for (const error of away) expect(isDatabaseUnavailable(error), error.message).toBe(true);
  });

  it('leaves every other error a 500: constraint violations, syntax errors, bugs', () => {
    const bugs = [
      Object.assign(new Error('duplicate key'), { code: '23505' }),
      Object.assign(new Error('syntax error'), { code: '42601' }),
      Object.assign(new Error('invalid byte sequence'), { code: '22021' }),
      new TypeError("Cannot read properties of undefined (reading 'id')"),
      new Error('Connection terminated unexpectedly, said a test'),
      'ECONNREFUSED',
      null,
    ];
    for (const error of bugs) expect(isDatabaseUnavailable(error), String(error)).toBe(false);
  });
});
