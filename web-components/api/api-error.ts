import type { ApiFieldProblem } from './api-types.js';

/** A failed API call: the HTTP status and the server's `{ error: { code, message, fields } }`. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: string;
  readonly fields: readonly ApiFieldProblem[];

  constructor(status: number, code: string, message: string, fields: readonly ApiFieldProblem[] = [], cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

/** Status 0: the request never got an answer (offline, blocked, aborted). */
export const NETWORK_FAILURE = 0;
