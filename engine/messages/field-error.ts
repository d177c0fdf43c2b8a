import type { MessageCode } from './message-codes.js';

/** One problem with one field, with its message already in the reader's language. */
export interface FieldError {
  /** JSON pointer into the submitted data, e.g. `/withdrawalDate`. */
  readonly pointer: string;
  /** The top-level field the error belongs to; `''` for the submission as a whole. */
  readonly field: string;
  readonly code: MessageCode;
  readonly message: string;
}
