import type { WidgetName } from '../definition/form-definition.js';
import { trimBlanks } from '../rules/blanks.js';
import { normaliseDateInput, toHalfWidthDigits } from '../rules/date-input.js';
import { toNfc } from '../rules/nfc.js';

/** Puts one field's value as typed into the form it is stored in. */
export type Normaliser = (value: unknown) => unknown;

/**
 * The normaliser of a widget, picked once per field when the form is planned. Text becomes NFC
 * without surrounding blanks, dates ISO, numbers typed with full-width digits numbers. Empty
 * text and empty choices become `undefined`, so "nothing entered" is one case for the required
 * check. Values of the wrong type pass through unchanged for the schema to report.
 */
export function normaliserFor(widget: WidgetName): Normaliser {
  switch (widget) {
    case 'date':
      return normaliseDate;
    case 'text':
    case 'textarea':
      return normaliseText;
    case 'radio':
    case 'select':
      return normaliseChoice;
    case 'number':
      return normaliseNumber;
    case 'checkboxes':
      return normaliseChoices;
    case 'checkbox':
    case 'association-layers':
      return unchanged;
    default: {
      const exhaustive: never = widget;
      return exhaustive;
    }
  }
}

function normaliseDate(value: unknown): unknown {
  return typeof value === 'string' ? emptyToUndefined(normaliseDateInput(value)) : value;
}

function normaliseText(value: unknown): unknown {
  return typeof value === 'string' ? emptyToUndefined(trimBlanks(toNfc(value))) : value;
}

/** Choices are compared with fixed option values; only surrounding blanks are forgiven. */
function normaliseChoice(value: unknown): unknown {
  return typeof value === 'string' ? emptyToUndefined(trimBlanks(value)) : value;
}

function normaliseNumber(value: unknown): unknown {
  return typeof value === 'string' ? parseNumber(value) : value;
}

function normaliseChoices(value: unknown): unknown {
  return Array.isArray(value) && value.length === 0 ? undefined : value;
}

function unchanged(value: unknown): unknown {
  return value;
}

function emptyToUndefined(text: string): string | undefined {
  return text === '' ? undefined : text;
}

function parseNumber(text: string): number | string | undefined {
  const trimmed = toHalfWidthDigits(text).replace(/[，,]/g, '').trim();
  if (trimmed === '') return undefined;
  const number = Number(trimmed);
  return Number.isFinite(number) ? number : text;
}
