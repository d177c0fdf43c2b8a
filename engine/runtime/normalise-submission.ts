import { isAssociationSelection } from '../rules/association-selection.js';
import { applyCascade } from '../rules/cascade.js';
import type { GroupItem } from '../sources/source-catalog.js';
import { sourceItems } from '../sources/source-items.js';
import type { FieldPlan, RuntimeForm } from './runtime-form.js';
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
  let unknownKeys: string[] | undefined;
  // One pass over the input's own keys (what Object.keys lists, in its order). Reading a key
  // that for…in gave is V8's fastest property access; looking each field up would not be.
  let previous = -1;
  let inFormOrder = true;
  for (const key in input) {
    if (!ownKey.call(input, key)) continue;
    const field = fieldNamed(form, key, previous + 1);
    if (field === undefined) {
      (unknownKeys ??= []).push(key);
      continue;
    }
    if (field.index < previous) inFormOrder = false;
    previous = field.index;
    const normalised = field.normalise(input[key]);
    if (normalised !== undefined) value[key] = normalised;
  }
  // The value lists its fields in the form's order, whatever order they came in.
  if (!inFormOrder) value = inOrderOf(form, value);
  if (form.hasConditions) {
    const hidden = presentHiddenFields(form, value);
    // Rebuild rather than `delete`, which would turn the object into a slow dictionary.
    if (hidden) value = without(value, hidden);
  }
  for (const field of form.cascadeFields) {
    const selection = value[field.name];
    if (!isAssociationSelection(selection)) continue;
    const group = groupOf(sourceItems<GroupItem>(field.ui, context.sources, value), selection.groupId);
    if (!group) continue;
    value[field.name] = {
      groupId: selection.groupId,
      associationIds: applyCascade(selection.associationIds, group, field.ui.cascade ?? 'none'),
    };
  }
  return { value, unknownKeys: unknownKeys ?? NO_KEYS };
}

/**
 * The field called `name`. Input nearly always lists fields in the form's order, a few left
 * out, so the next fields after the previous one are tried first: comparing interned names is
 * cheaper than hashing the key for the map, which answers when they do not match.
 */
function fieldNamed(form: RuntimeForm, name: string, from: number): FieldPlan | undefined {
  const fields = form.fields;
  const end = Math.min(fields.length, from + LOOK_AHEAD);
  for (let index = from; index < end; index++) {
    const field = fields[index]!;
    if (field.name === name) return field;
  }
  return form.fieldByName.get(name);
}

/** How many fields `fieldNamed` tries before the map: enough to step over optional ones. */
const LOOK_AHEAD = 4;

/** Shared by every submission without unknown keys (nearly all): nothing to allocate. */
const NO_KEYS: readonly string[] = Object.freeze([]);

function groupOf(groups: readonly GroupItem[], id: string): GroupItem | undefined {
  for (const group of groups) if (group.id === id) return group;
  return undefined;
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

const ownKey = Object.prototype.hasOwnProperty;

function inOrderOf(form: RuntimeForm, value: Record<string, unknown>): Record<string, unknown> {
  const ordered: Record<string, unknown> = {};
  for (const field of form.fields) if (Object.hasOwn(value, field.name)) ordered[field.name] = value[field.name];
  return ordered;
}

function without(value: Record<string, unknown>, hidden: ReadonlySet<string>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const name of Object.keys(value)) if (!hidden.has(name)) kept[name] = value[name];
  return kept;
}
