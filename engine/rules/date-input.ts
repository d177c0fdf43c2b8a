/**
 * Dates as members type them: `2024/10/31`, `２０２４／１０／３１`, `2024-10-31`, `2024.10.31`,
 * `2024年10月31日` or `20241031`, are stored as ISO `2024-10-31`. Anything else is returned
 * trimmed but otherwise as typed, so the schema's `format: date` reports it.
 */
export function normaliseDateInput(input: string): string {
  const text = toHalfWidthDigits(input).trim();
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`;
  const parts = /^(\d{4})\s*[-/.年／－]\s*(\d{1,2})\s*[-/.月／－]\s*(\d{1,2})\s*日?$/.exec(text);
  if (!parts) return text;
  return `${parts[1]}-${parts[2]!.padStart(2, '0')}-${parts[3]!.padStart(2, '0')}`;
}

/** Full-width digits (０-９) become ASCII digits; nothing else changes. */
export function toHalfWidthDigits(text: string): string {
  return text.replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
}

/** `2024-10-31` → `2024/10/31`, the display form the manual uses everywhere. */
export function formatDisplayDate(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso.replaceAll('-', '/') : iso;
}

/** True when `YYYY-MM-DD` names a real calendar day (2024-02-30 does not). */
export function isCalendarDate(iso: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}
