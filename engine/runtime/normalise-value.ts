import { normaliseDateInput, toHalfWidthDigits } from '../rules/date-input.js';
import type { FieldPlan } from './runtime-form.js';

/**
 * One field's value as the member meant it: text in NFC without surrounding blanks, dates in
 * ISO form, numbers typed with full-width digits as numbers. Empty text and empty choices become
 * `undefined`, so "nothing entered" is one case for the required check. Values of the wrong type
 * pass through unchanged for the schema to report.
 */
export function normaliseValue(field: FieldPlan, value: unknown): unknown {
  switch (field.widget) {
    case 'date':
      return typeof value === 'string' ? emptyToUndefined(normaliseDateInput(value)) : value;
    case 'text':
    case 'textarea':
      return typeof value === 'string' ? emptyToUndefined(toNfc(value).trim()) : value;
    case 'radio':
    case 'select':
      // Choices are compared with fixed option values; only surrounding blanks are forgiven.
      return typeof value === 'string' ? emptyToUndefined(value.trim()) : value;
    case 'number':
      return typeof value === 'string' ? parseNumber(value) : value;
    case 'checkboxes':
      return Array.isArray(value) && value.length === 0 ? undefined : value;
    case 'checkbox':
      return value;
    case 'association-layers':
      return value;
    default: {
      const exhaustive: never = field.widget;
      return exhaustive;
    }
  }
}

/** NFC, skipping the (slow) normaliser for text that has no character it could change. */
function toNfc(text: string): string {
  for (let index = 0; index < text.length; index++) {
    // Below U+0300 (the first combining mark) every character is already in NFC.
    if (text.charCodeAt(index) >= 0x300) return text.normalize('NFC');
  }
  return text;
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
