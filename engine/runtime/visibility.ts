import type { JsonScalar, VisibleWhen } from '../definition/form-definition.js';
import type { RuntimeForm } from './runtime-form.js';

type Data = Readonly<Record<string, unknown>>;

/**
 * True when every field the condition names holds the value (or one of the values) given.
 * Fields in `hidden` count as empty, whatever the data still says.
 */
export function conditionHolds(condition: VisibleWhen, data: Data, hidden?: ReadonlySet<string>): boolean {
  for (const name in condition) {
    const expected = condition[name] as JsonScalar | readonly JsonScalar[];
    const actual = hidden?.has(name) ? undefined : data[name];
    if (Array.isArray(expected) ? !expected.includes(actual as JsonScalar) : actual !== expected) return false;
  }
  return true;
}

const NONE: ReadonlySet<string> = new Set();

/**
 * The names of the fields hidden by their conditions. A field whose condition names a hidden
 * field is hidden too, so chains of conditions settle in at most one pass per field.
 */
export function hiddenFields(form: RuntimeForm, data: Data): ReadonlySet<string> {
  if (!form.hasConditions) return NONE;
  let hidden: Set<string> | undefined;
  let changed = true;
  for (let pass = 0; changed && pass <= form.fields.length; pass++) {
    changed = false;
    // An index loop: V8 iterates a frozen array with for…of several times slower.
    for (let index = 0; index < form.fields.length; index++) {
      const field = form.fields[index]!;
      if (!field.visibleWhen || hidden?.has(field.name)) continue;
      if (!conditionHolds(field.visibleWhen, data, hidden)) {
        (hidden ??= new Set()).add(field.name);
        changed = true;
      }
    }
  }
  return hidden ?? NONE;
}

/**
 * A condition with each field it names resolved to its position in the form's fields, so that
 * it reads a submission held as one slot per field (see `normaliseDraft`) without a lookup.
 */
export type SlotCondition = readonly {
  /** The field's position; -1 for a name that is no field, which always reads as empty. */
  readonly index: number;
  readonly expected: JsonScalar | readonly JsonScalar[];
}[];

export function slotCondition(condition: VisibleWhen, indexOf: (name: string) => number): SlotCondition {
  const terms = [];
  for (const name in condition) terms.push({ index: indexOf(name), expected: condition[name]! });
  return terms;
}

/** `conditionHolds` for a submission held in slots, where a hidden field's slot is empty. */
export function slotConditionHolds(condition: SlotCondition, slots: readonly unknown[]): boolean {
  for (let term = 0; term < condition.length; term++) {
    const { index, expected } = condition[term]!;
    const actual = index < 0 ? undefined : slots[index];
    if (Array.isArray(expected) ? !expected.includes(actual as JsonScalar) : actual !== expected) return false;
  }
  return true;
}
