import { isCalendarDate } from './date-input.js';

/**
 * The `format` values a definition may use. They are ours rather than ajv-formats' so that
 * the server's Ajv and the browser's precompiled validators run the very same functions.
 */
export const FORMATS = {
  /** A real calendar day written `YYYY-MM-DD` (2024-02-30 is not one). */
  date: isCalendarDate,
  /** A mail address as members type it: something@domain.tld, no spaces. */
  email: (text: string): boolean => text.length <= 254 && /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(text),
} as const;

export type FormatName = keyof typeof FORMATS;
