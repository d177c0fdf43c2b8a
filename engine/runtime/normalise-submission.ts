import type { ResolvedSources } from '../sources/source-catalog.js';
import type { RuntimeForm } from './runtime-form.js';
import { type SelectionFinding, settleSelections } from './settle-selections.js';
import type { ValidationContext } from './validation-context.js';
import { slotConditionHolds } from './visibility.js';

export interface NormalisedSubmission {
  /** Known fields only, each normalised; hidden fields dropped; cascades applied. */
  readonly value: Record<string, unknown>;
  /** Keys of the input that are not fields of the form, in input order. */
  readonly unknownKeys: readonly string[];
}

/** A normalised submission with what validation reads and learns on the way. */
export interface NormalisedDraft extends NormalisedSubmission {
  /**
   * The value again, one slot per field in the form's order (empty when the value lacks it):
   * the later checks read a field's value by position rather than by name.
   */
  readonly slots: readonly unknown[];
  /** Selections that break the one-group rule; undefined when none. */
  readonly selectionFindings: readonly SelectionFinding[] | undefined;
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
  const { value, unknownKeys } = normaliseDraft(form, input, context.sources);
  return { value, unknownKeys };
}

/**
 * `normaliseSubmission`, keeping what validation needs. The fields are gathered in slots first
 * (one per field, in the form's order) and written to the value last, once each, in the form's
 * order and without the hidden ones: whatever order the input came in, nothing is rebuilt, and
 * the conditions, the cascade and the rules read a field by its position. A property read or
 * added under a name known only at run time costs V8 many times an array element.
 */
export function normaliseDraft(
  form: RuntimeForm,
  input: Readonly<Record<string, unknown>>,
  sources: ResolvedSources,
): NormalisedDraft {
  const fields = form.fields;
  const slots: unknown[] = new Array(fields.length);
  let unknownKeys: string[] | undefined;
  // One pass over the input's own keys (what Object.keys lists, in its order). Reading a key
  // that for…in gave is V8's fastest property access. Each key is looked up in the map: the
  // server runs a compiled form's generated validation (see `compileValidation`), and browsers,
  // which run this pipeline a step at a time, are better served by fewer bytes than by speed.
  for (const key in input) {
    // Spelt out, neither aliased nor `Object.hasOwn`: V8 then sees the builtin and answers from
    // for…in's own bookkeeping instead of calling it. Through an alias, the call was most of
    // this loop's time.
    // biome-ignore lint/suspicious/noPrototypeBuiltins: the spelling V8 answers without a call.
    if (!Object.prototype.hasOwnProperty.call(input, key)) continue;
    const field = form.fieldByName.get(key);
    if (field === undefined) {
      (unknownKeys ??= []).push(key);
      continue;
    }
    slots[field.index] = field.normalise(input[key]);
  }
  if (form.hasConditions) emptyHiddenSlots(form, slots);
  const selectionFindings = settleSelections(form, slots, sources);
  const value: Record<string, unknown> = {};
  for (let index = 0; index < fields.length; index++) {
    const slot = slots[index];
    if (slot !== undefined) value[fields[index]!.name] = slot;
  }
  return { value, slots, unknownKeys: unknownKeys ?? NO_KEYS, selectionFindings };
}

/** Shared by every submission without unknown keys (nearly all): nothing to allocate. */
const NO_KEYS: readonly string[] = Object.freeze([]);

/**
 * Empties the slots of the conditional fields that are hidden. Only fields with a value can need
 * emptying, and an empty slot reads as empty to the conditions that name it, so the others need
 * no evaluation (the common case costs nothing). A field whose condition names a field hidden
 * in this pass is looked at again in the next.
 */
function emptyHiddenSlots(form: RuntimeForm, slots: unknown[]): void {
  const conditional = form.conditionalFields;
  let changed = true;
  while (changed) {
    changed = false;
    for (let index = 0; index < conditional.length; index++) {
      const field = conditional[index]!;
      if (slots[field.index] === undefined) continue;
      if (!slotConditionHolds(field.condition!, slots)) {
        slots[field.index] = undefined;
        changed = true;
      }
    }
  }
}
