import type { Locale } from '../definition/form-definition.js';
import type { FieldPlan } from '../runtime/runtime-form.js';
import type { FieldError } from './field-error.js';
import type { MessageCatalog, MessageCode } from './message-codes.js';
import { MESSAGES_EN } from './messages-en.js';
import { MESSAGES_JA } from './messages-ja.js';

const CATALOGS: Readonly<Record<Locale, MessageCatalog>> = { ja: MESSAGES_JA, en: MESSAGES_EN };

/** The key staff use in a field's `messages` to override a code: the rule's name. */
const OVERRIDE_KEY: Partial<Record<MessageCode, string>> = {
  requiredChoice: 'required',
  dateFormat: 'format',
  dateInvalid: 'format',
  minDateToday: 'minDate',
  maxDateToday: 'maxDate',
};

/**
 * A field's message as last rendered, with the locale, code and limit it was rendered for. A
 * field reports the same error again and again, and a limit comes from its schema (or from
 * today, for date bounds), so its message is nearly always the last one. Held in a list of at
 * most one: comparing a few interned strings costs less than hashing them for a map.
 */
export type MessageMemo = RenderedMessage[];

interface RenderedMessage {
  readonly locale: Locale;
  readonly code: MessageCode;
  readonly limit: string | number | undefined;
  readonly message: string;
}

/** An empty memo, made once per field when the form is planned. */
export function createMessageMemo(): MessageMemo {
  return [];
}

/** A field error with its message in the given language, using the field's override if any. */
export function fieldError(
  field: FieldPlan | undefined,
  code: MessageCode,
  locale: Locale,
  pointer: string = field?.pointer ?? '',
  limit?: string | number,
  fieldName: string = field?.name ?? '',
): FieldError {
  return { pointer, field: fieldName, code, message: messageFor(field, code, locale, limit, fieldName) };
}

function messageFor(
  field: FieldPlan | undefined,
  code: MessageCode,
  locale: Locale,
  limit: string | number | undefined,
  fieldName: string,
): string {
  // Only messages about a field itself are kept; the others name whatever key was sent.
  const memo = field !== undefined && fieldName === field.name ? field.renderedMessages : undefined;
  const last = memo?.[0];
  if (last !== undefined && last.code === code && last.locale === locale && last.limit === limit) return last.message;
  const message = renderMessage(field, code, locale, limit, fieldName);
  if (memo !== undefined) memo[0] = { locale, code, limit, message };
  return message;
}

function renderMessage(
  field: FieldPlan | undefined,
  code: MessageCode,
  locale: Locale,
  limit: string | number | undefined,
  fieldName: string,
): string {
  const override = field?.ui.messages?.[OVERRIDE_KEY[code] ?? code];
  const label = field ? field.ui.label[locale] : '';
  return override ? override[locale] : CATALOGS[locale][code]({ label, limit, field: fieldName });
}
