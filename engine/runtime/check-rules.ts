import type { FieldError } from '../messages/field-error.js';
import { fieldError } from '../messages/render-message.js';
import { exceedsMaxCharacters } from '../rules/max-characters.js';
import { checkDateBounds } from '../rules/relative-date.js';
import type { OptionItem } from '../sources/source-catalog.js';
import { sourceItemsUnder } from '../sources/source-items.js';
import type { FieldPlan } from './runtime-form.js';
import type { ValidationContext } from './validation-context.js';

/**
 * The project's rules beyond JSON Schema, for one field whose value passed the schema. `parent`
 * is the value of the field its source depends on (undefined when none).
 */
export function checkRules(
  field: FieldPlan,
  value: unknown,
  parent: unknown,
  context: ValidationContext,
): FieldError | undefined {
  const { locale } = context;
  if (
    field.maxCharacters !== undefined &&
    typeof value === 'string' &&
    exceedsMaxCharacters(value, field.maxCharacters)
  ) {
    return fieldError(field, 'maxCharacters', locale, field.pointer, field.maxCharacters);
  }
  if ((field.minDate !== undefined || field.maxDate !== undefined) && typeof value === 'string') {
    // The schema has already checked the format, so the bounds compare real ISO dates.
    const violation = checkDateBounds(value, field.minDate, field.maxDate, context.today, false);
    if (violation) {
      const today = violation.bound === 'today';
      const code =
        violation.code === 'minDate' ? (today ? 'minDateToday' : 'minDate') : today ? 'maxDateToday' : 'maxDate';
      return fieldError(field, code, locale, field.pointer, violation.limit.replaceAll('-', '/'));
    }
  }
  if (!field.ui.source || field.widget === 'association-layers') return undefined;
  const allowed = sourceItemsUnder<OptionItem>(field.ui, context.sources, parent);
  const chosen = Array.isArray(value) ? value : [value];
  for (const item of chosen) {
    if (!allowed.some((option) => option.value === item)) return fieldError(field, 'notInSource', locale);
  }
  return undefined;
}
