import { EMBEDDED_DATABASE_STOPPED } from '../db/embedded-database-client.js';

/**
 * Codes of errors that mean "the database is not reachable right now", not "this request is
 * wrong": the driver lost or could not open its connection, or the server is shutting down,
 * starting up or out of connections. Retrying later helps; a 500 would be a lie.
 */
const DRIVER_CODES = new Set([
  EMBEDDED_DATABASE_STOPPED,
  // postgres.js (still used by tools and tests)
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  // Node's sockets
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** SQLSTATEs (PostgreSQL appendix A) that a retry a moment later can get past. */
const SQLSTATES = new Set([
  '57P01', // admin_shutdown: pg_ctl stop -m fast
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up or shutting down
  '53300', // too_many_connections
  '40001', // serialization_failure
  '40P01', // deadlock_detected
]);

/**
 * node-postgres says a connection was lost, or none could be had in time, by message alone
 * (plain Errors without a code).
 */
const DRIVER_MESSAGES = new Set([
  'Connection terminated unexpectedly',
  'Connection terminated due to connection timeout',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
  'timeout exceeded when trying to connect',
  'Query read timeout',
]);

/**
 * True when the error (or an error in its `cause` chain, or one of an AggregateError's, as
 * Node reports a refused connection on every address of a host) means the database is
 * unreachable for the moment.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  const { code, cause, errors, message } = error as {
    code?: unknown;
    cause?: unknown;
    errors?: unknown;
    message?: unknown;
  };
  if (code === undefined && typeof message === 'string' && DRIVER_MESSAGES.has(message)) return true;
  if (typeof code === 'string') {
    // Class 08: connection exception (08000, 08003 connection_does_not_exist, 08006 failure…).
    if (DRIVER_CODES.has(code) || SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
  }
  if (Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return cause !== undefined && isDatabaseUnavailable(cause, depth + 1);
}
