import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../app-env.js';
import { acceptedLocale, requestLocale } from '../http/request-locale.js';
import {
  AccountLockedError,
  AppError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  PayloadTooLargeError,
  ServiceUnavailableError,
  TooManyAttemptsError,
  UnsupportedMediaTypeError,
  ValidationError,
} from './app-errors.js';
import { isDatabaseUnavailable } from './database-unavailable.js';
import { ERROR_MESSAGES } from './error-messages.js';

/** Where unexpected errors are reported; the client only ever sees a generic message. */
export type ErrorLogger = (message: string, error: unknown) => void;

/** How long a client is asked to wait before retrying while the database is unreachable. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * The error as the app's own: a lost database connection becomes `ServiceUnavailableError`
 * (503, retry later) instead of an unknown error (500). Undefined for errors nobody expected.
 */
export function asAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (isDatabaseUnavailable(error)) return new ServiceUnavailableError(RETRY_AFTER_SECONDS, { cause: error });
  return undefined;
}

/** The only place that knows which domain error is which HTTP status. */
export function statusOf(error: AppError): ContentfulStatusCode {
  if (error instanceof BadRequestError) return 400;
  if (error instanceof AuthenticationError) return 401;
  if (error instanceof ForbiddenError) return 403;
  if (error instanceof NotFoundError) return 404;
  if (error instanceof ConflictError) return 409;
  if (error instanceof PayloadTooLargeError) return 413;
  if (error instanceof UnsupportedMediaTypeError) return 415;
  if (error instanceof ValidationError) return 422;
  if (error instanceof AccountLockedError) return 429;
  if (error instanceof TooManyAttemptsError) return 429;
  if (error instanceof ServiceUnavailableError) return 503;
  return 500;
}

/** `app.onError`: domain errors become `{ error: { code, message, fields? } }`; the rest a logged 500. */
export function errorHandler(log: ErrorLogger) {
  return (thrown: Error, c: Context<AppEnv>): Response => {
    const locale = requestLocale(c);
    const error = asAppError(thrown) ?? thrown;
    if (error instanceof ServiceUnavailableError) {
      // One short line per refused request: an outage must not bury the log in stack traces.
      log(`${c.req.method} ${c.req.path}: database unavailable, answered 503`, describeCause(error.cause));
    }
    if (error instanceof AppError) {
      const message = (error.detail ?? ERROR_MESSAGES[error.code])[locale];
      const body: { code: string; message: string; fields?: { pointer: string; message: string }[] } = {
        code: error.code,
        message,
      };
      if (error instanceof ValidationError) {
        body.fields = error.fields.map((field) => ({
          pointer: field.pointer,
          message: typeof field.message === 'string' ? field.message : field.message[locale],
        }));
      }
      if (
        error instanceof AccountLockedError ||
        error instanceof TooManyAttemptsError ||
        error instanceof ServiceUnavailableError
      ) {
        c.header('Retry-After', String(error.retryAfterSeconds));
      }
      return c.json({ error: body }, statusOf(error));
    }
    if (error instanceof HTTPException && error.status < 500) {
      // Raised by Hono itself (e.g. a malformed cookie); keep its status, use our shape.
      return c.json(
        { error: { code: 'invalid_request', message: ERROR_MESSAGES.invalid_request[locale] } },
        error.status,
      );
    }
    log(`${c.req.method} ${c.req.path} failed`, error);
    return c.json({ error: { code: 'internal_error', message: ERROR_MESSAGES.internal_error[locale] } }, 500);
  };
}

/**
 * 503 for a request the app never saw: one held while the server started, when the start then
 * failed. Its language is the browser's, as no member is known.
 */
export function serviceUnavailableResponse(request: Request): Response {
  const locale = acceptedLocale(request.headers.get('Accept-Language') ?? undefined);
  return Response.json(
    { error: { code: 'service_unavailable', message: ERROR_MESSAGES.service_unavailable[locale] } },
    { status: 503, headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) } },
  );
}

/** `app.notFound`: the same 404 as an unknown id, so routes and ids leak nothing. */
export function notFoundHandler(c: Context<AppEnv>): Response {
  return c.json({ error: { code: 'not_found', message: ERROR_MESSAGES.not_found[requestLocale(c)] } }, 404);
}

function describeCause(cause: unknown): string {
  if (typeof cause !== 'object' || cause === null) return String(cause);
  const { code, message } = cause as { code?: unknown; message?: unknown };
  return [code, message].filter((part) => typeof part === 'string').join(' ');
}
