import { checkSelection, isAssociationSelection, type SelectionViolation } from '../rules/association-selection.js';
import { applyCascade } from '../rules/cascade.js';
import type { GroupItem, ResolvedSources } from '../sources/source-catalog.js';
import { sourceItemsUnder } from '../sources/source-items.js';
import type { FieldPlan, RuntimeForm } from './runtime-form.js';

/** A selection that breaks the one-group rule, and the rule it breaks. */
export interface SelectionFinding {
  readonly field: FieldPlan;
  readonly violation: SelectionViolation;
}

/**
 * Applies each selection's cascade and checks it against the one-group rule, reading the
 * member's groups once for both. Works on the submission's slots (see `normaliseDraft`).
 * Returns the findings in the form's order, undefined when there are none (nearly always).
 */
export function settleSelections(
  form: RuntimeForm,
  slots: unknown[],
  sources: ResolvedSources,
): SelectionFinding[] | undefined {
  let findings: SelectionFinding[] | undefined;
  const fields = form.selectionFields;
  // An index loop: V8 iterates a frozen array with for…of several times slower.
  for (let index = 0; index < fields.length; index++) {
    const field = fields[index]!;
    const selection = slots[field.index];
    if (!isAssociationSelection(selection)) continue;
    const parent = field.parentIndex < 0 ? undefined : slots[field.parentIndex];
    const groups = sourceItemsUnder<GroupItem>(field.ui, sources, parent);
    let settled = selection;
    if (field.cascade !== 'none') {
      const group = firstGroupWithId(groups, selection.groupId);
      if (group) {
        settled = {
          groupId: selection.groupId,
          associationIds: applyCascade(selection.associationIds, group, field.cascade),
        };
        slots[field.index] = settled;
      }
    }
    const violation = checkSelection(settled, groups);
    if (violation) (findings ??= []).push({ field, violation });
  }
  return findings;
}

export function firstGroupWithId(groups: readonly GroupItem[], id: string): GroupItem | undefined {
  for (let index = 0; index < groups.length; index++) if (groups[index]!.id === id) return groups[index];
  return undefined;
}
