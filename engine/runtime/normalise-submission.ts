import { isAssociationSelection } from '../rules/association-selection.js';
import { applyCascade } from '../rules/cascade.js';
import type { GroupItem } from '../sources/source-catalog.js';
import { sourceItems } from '../sources/source-items.js';
import { normaliseValue } from './normalise-value.js';
import type { RuntimeForm } from './runtime-form.js';
import type { ValidationContext } from './validation-context.js';
import { hiddenFields } from './visibility.js';

export interface NormalisedSubmission {
  /** Known fields only, each normalised; hidden fields dropped; cascades applied. */
  readonly value: Record<string, unknown>;
  /** Keys of the input that are not fields of the form, in input order. */
  readonly unknownKeys: readonly string[];
}

/**
 * Puts a submission into the form it is stored in. Only the form's own fields are copied, so
 * keys such as `__proto__` never reach an object (they are listed as unknown instead).
 */
export function normaliseSubmission(
  form: RuntimeForm,
  input: Readonly<Record<string, unknown>>,
  context: Pick<ValidationContext, 'sources'>,
): NormalisedSubmission {
  const value: Record<string, unknown> = {};
  for (const field of form.fields) {
    if (!Object.hasOwn(input, field.name)) continue;
    const normalised = normaliseValue(field, input[field.name]);
    if (normalised !== undefined) value[field.name] = normalised;
  }
  const unknownKeys: string[] = [];
  for (const key of Object.keys(input)) {
    if (!form.fieldByName.has(key)) unknownKeys.push(key);
  }
  if (form.hasConditions) {
    for (const name of hiddenFields(form, value)) delete value[name];
  }
  for (const field of form.fields) {
    const cascade = field.ui.cascade;
    if (field.widget !== 'association-layers' || !cascade || cascade === 'none') continue;
    const selection = value[field.name];
    if (!isAssociationSelection(selection)) continue;
    const group = sourceItems<GroupItem>(field.ui, context.sources, value).find((g) => g.id === selection.groupId);
    if (!group) continue;
    value[field.name] = {
      groupId: selection.groupId,
      associationIds: applyCascade(selection.associationIds, group, cascade),
    };
  }
  return { value, unknownKeys };
}
