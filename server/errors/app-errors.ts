import type { Localized } from '../../engine/index.js';

/** Every error code the API answers with; clients branch on these, never on messages. */
export type ErrorCode =
  | 'invalid_json'
  | 'invalid_request'
  | 'unauthenticated'
  | 'invalid_credentials'
  | 'invalid_token'
  | 'forbidden'
  | 'csrf_token_invalid'
  | 'not_found'
  | 'open_application_exists'
  | 'form_version_outdated'
  | 'not_editable'
  | 'transition_not_allowed'
  | 'membership_not_current'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'validation_failed'
  | 'account_locked'
  | 'too_many_attempts'
  | 'service_unavailable'
  | 'internal_error';

/** One problem with one field: a JSON pointer into the data, and what to fix. */
export interface FieldProblem {
  readonly pointer: string;
  /** Already in the reader's language (the engine's messages), or in every language. */
  readonly message: string | Localized;
}

/**
 * A failure the caller can act on. Domain code throws these; `handle-error.ts` alone turns
 * them into HTTP statuses and messages in the caller's language.
 */
export abstract class AppError extends Error {
  abstract readonly code: ErrorCode;
  /** A message for this occurrence; otherwise the code's standard message is used. */
  readonly detail: Localized | undefined;
  constructor(detail?: Localized, options?: ErrorOptions) {
    super(detail?.en, options);
    this.detail = detail;
  }
}

export class BadRequestError extends AppError {
  override readonly name = 'BadRequestError';
  readonly code: 'invalid_json' | 'invalid_request';
  constructor(code: 'invalid_json' | 'invalid_request', detail?: Localized) {
    super(detail);
    this.code = code;
  }
}

/** No one is signed in, the sign-in failed, or the embed token is not valid. */
export class AuthenticationError extends AppError {
  override readonly name = 'AuthenticationError';
  readonly code: 'unauthenticated' | 'invalid_credentials' | 'invalid_token';
  constructor(code: 'unauthenticated' | 'invalid_credentials' | 'invalid_token' = 'unauthenticated') {
    super();
    this.code = code;
  }
}

/** Signed in, but this role may not do this, or the CSRF token is missing. */
export class ForbiddenError extends AppError {
  override readonly name = 'ForbiddenError';
  readonly code: 'forbidden' | 'csrf_token_invalid';
  constructor(code: 'forbidden' | 'csrf_token_invalid' = 'forbidden') {
    super();
    this.code = code;
  }
}

/** Unknown, or someone else's: the answer is the same so nothing leaks. */
export class NotFoundError extends AppError {
  override readonly name = 'NotFoundError';
  readonly code = 'not_found';
}

export type ConflictCode =
  | 'open_application_exists'
  | 'form_version_outdated'
  | 'not_editable'
  | 'transition_not_allowed'
  | 'membership_not_current';

/** The request is well-formed but the application's state does not allow it. */
export class ConflictError extends AppError {
  override readonly name = 'ConflictError';
  readonly code: ConflictCode;
  constructor(code: ConflictCode, detail?: Localized, options?: ErrorOptions) {
    super(detail, options);
    this.code = code;
  }
}

/** The data breaks the form's rules; each field says what to fix. */
export class ValidationError extends AppError {
  override readonly name = 'ValidationError';
  readonly code = 'validation_failed';
  readonly fields: readonly FieldProblem[];
  constructor(fields: readonly FieldProblem[]) {
    super();
    this.fields = fields;
  }
}

/** Too many failed sign-ins: the account is locked for a while. */
export class AccountLockedError extends AppError {
  override readonly name = 'AccountLockedError';
  readonly code = 'account_locked';
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super();
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export class PayloadTooLargeError extends AppError {
  override readonly name = 'PayloadTooLargeError';
  readonly code = 'payload_too_large';
}

export class UnsupportedMediaTypeError extends AppError {
  override readonly name = 'UnsupportedMediaTypeError';
  readonly code = 'unsupported_media_type';
}

/** Too many failed sign-ins from one client, whichever logins it tried: wait a while. */
export class TooManyAttemptsError extends AppError {
  override readonly name = 'TooManyAttemptsError';
  readonly code = 'too_many_attempts';
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super();
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/**
 * The database cannot be reached right now (restarting, failing over, out of connections).
 * Nothing was stored half-way — each write is one transaction — so the client may simply retry.
 */
export class ServiceUnavailableError extends AppError {
  override readonly name = 'ServiceUnavailableError';
  readonly code = 'service_unavailable';
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number, options?: ErrorOptions) {
    super(undefined, options);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
