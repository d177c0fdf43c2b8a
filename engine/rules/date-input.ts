/**
 * Dates as members type them: `2024/10/31`, `２０２４／１０／３１`, `2024-10-31`, `2024.10.31`,
 * `2024年10月31日` or `20241031`, are stored as ISO `2024-10-31`. Anything else is returned
 * trimmed but otherwise as typed, so the schema's `format: date` reports it.
 */
export function normaliseDateInput(input: string): string {
  // Most input is already `YYYY/MM/DD` or ISO: read it without regular expressions, each
  // character once, and write the ISO form as one new string rather than five pieces joined.
  if (input.length === 10) {
    const separator = input.charCodeAt(4);
    if ((separator === SLASH || separator === HYPHEN) && input.charCodeAt(7) === separator) {
      const y1 = input.charCodeAt(0);
      const y2 = input.charCodeAt(1);
      const y3 = input.charCodeAt(2);
      const y4 = input.charCodeAt(3);
      const m1 = input.charCodeAt(5);
      const m2 = input.charCodeAt(6);
      const d1 = input.charCodeAt(8);
      const d2 = input.charCodeAt(9);
      if (
        isDigit(y1) &&
        isDigit(y2) &&
        isDigit(y3) &&
        isDigit(y4) &&
        isDigit(m1) &&
        isDigit(m2) &&
        isDigit(d1) &&
        isDigit(d2)
      ) {
        return separator === HYPHEN ? input : String.fromCharCode(y1, y2, y3, y4, HYPHEN, m1, m2, HYPHEN, d1, d2);
      }
    }
  }
  const text = toHalfWidthDigits(input).trim();
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`;
  const parts = /^(\d{4})\s*[-/.年／－]\s*(\d{1,2})\s*[-/.月／－]\s*(\d{1,2})\s*日?$/.exec(text);
  if (!parts) return text;
  return `${parts[1]}-${parts[2]!.padStart(2, '0')}-${parts[3]!.padStart(2, '0')}`;
}

const HYPHEN = 0x2d;
const SLASH = 0x2f;

/** Full-width digits (０-９) become ASCII digits; nothing else changes. */
export function toHalfWidthDigits(text: string): string {
  let result = '';
  let changed = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0xff10 && code <= 0xff19) {
      result += String.fromCharCode(code - 0xfee0);
      changed = true;
    } else {
      result += text[index];
    }
  }
  return changed ? result : text;
}

/** `2024-10-31` → `2024/10/31`, the display form the manual uses everywhere. */
export function formatDisplayDate(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso.replaceAll('-', '/') : iso;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** `YYYY-MM-DD` in shape (ASCII digits), whether or not it names a real day. */
export function isIsoShaped(text: string): boolean {
  return text.length === 10 && text.charCodeAt(4) === HYPHEN && text.charCodeAt(7) === HYPHEN && isDigitsAround(text);
}

/** True when `YYYY-MM-DD` names a real calendar day (2024-02-30 does not). */
export function isCalendarDate(iso: string): boolean {
  if (iso.length !== 10 || iso[4] !== '-' || iso[7] !== '-') return false;
  if (!isDigits(iso, 0, 4) || !isDigits(iso, 5, 7) || !isDigits(iso, 8, 10)) return false;
  const year = digitsValue(iso, 0, 4);
  const month = digitsValue(iso, 5, 7);
  const day = digitsValue(iso, 8, 10);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}

/** Digits at every place of `YYYY?MM?DD` but the two separators. */
function isDigitsAround(text: string): boolean {
  for (let index = 0; index < 10; index++) {
    if (index === 4 || index === 7) continue;
    const code = text.charCodeAt(index);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isDigits(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

function digitsValue(text: string, start: number, end: number): number {
  let value = 0;
  for (let index = start; index < end; index++) value = value * 10 + (text.charCodeAt(index) - 48);
  return value;
}
