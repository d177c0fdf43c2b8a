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

/** A field error with its message in the given language, using the field's override if any. */
export function fieldError(
  field: FieldPlan | undefined,
  code: MessageCode,
  locale: Locale,
  pointer: string = field?.pointer ?? '',
  limit?: string | number,
  fieldName: string = field?.name ?? '',
): FieldError {
  const override = field?.ui.messages?.[OVERRIDE_KEY[code] ?? code];
  const label = field ? field.ui.label[locale] : '';
  const message = override ? override[locale] : CATALOGS[locale][code]({ label, limit, field: fieldName });
  return { pointer, field: fieldName, code, message };
}
