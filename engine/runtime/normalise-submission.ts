import { isAssociationSelection } from '../rules/association-selection.js';
import { applyCascade } from '../rules/cascade.js';
import type { GroupItem } from '../sources/source-catalog.js';
import { sourceItems } from '../sources/source-items.js';
import { normaliseValue } from './normalise-value.js';
import type { RuntimeForm } from './runtime-form.js';
import type { ValidationContext } from './validation-context.js';
import { conditionHolds } from './visibility.js';

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
  let value: Record<string, unknown> = {};
  let known = 0;
  for (const field of form.fields) {
    if (!Object.hasOwn(input, field.name)) continue;
    known++;
    const normalised = normaliseValue(field, input[field.name]);
    if (normalised !== undefined) value[field.name] = normalised;
  }
  const unknownKeys: string[] = [];
  if (Object.keys(input).length !== known) {
    for (const key of Object.keys(input)) if (!form.fieldByName.has(key)) unknownKeys.push(key);
  }
  if (form.hasConditions) {
    const hidden = presentHiddenFields(form, value);
    // Rebuild rather than `delete`, which would turn the object into a slow dictionary.
    if (hidden) value = without(value, hidden);
  }
  for (const field of form.cascadeFields) {
    const selection = value[field.name];
    if (!isAssociationSelection(selection)) continue;
    const groups = sourceItems<GroupItem>(field.ui, context.sources, value);
    const group = groups.find((candidate) => candidate.id === selection.groupId);
    if (!group) continue;
    value[field.name] = {
      groupId: selection.groupId,
      associationIds: applyCascade(selection.associationIds, group, field.ui.cascade ?? 'none'),
    };
  }
  return { value, unknownKeys };
}

/**
 * The conditional fields that hold a value but are hidden. Only fields with a value can need
 * dropping, and an absent field reads as empty to the conditions that name it, so the others
 * need no evaluation (the common case costs nothing).
 */
function presentHiddenFields(form: RuntimeForm, value: Record<string, unknown>): ReadonlySet<string> | undefined {
  let hidden: Set<string> | undefined;
  let changed = true;
  while (changed) {
    changed = false;
    for (const field of form.conditionalFields) {
      if (!Object.hasOwn(value, field.name) || hidden?.has(field.name)) continue;
      if (!conditionHolds(field.visibleWhen!, value, hidden)) {
        (hidden ??= new Set()).add(field.name);
        changed = true;
      }
    }
  }
  return hidden;
}

function without(value: Record<string, unknown>, hidden: ReadonlySet<string>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const name of Object.keys(value)) if (!hidden.has(name)) kept[name] = value[name];
  return kept;
}
