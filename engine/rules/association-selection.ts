import type { GroupItem } from '../sources/source-catalog.js';

/** The value of an association-layers field: one group and the associations chosen in it. */
export interface AssociationSelection {
  readonly groupId: string;
  readonly associationIds: readonly string[];
}

export function isAssociationSelection(value: unknown): value is AssociationSelection {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  // Exactly these two keys: the cascade rebuilds a selection from them, which would silently
  // drop any other (even `__proto__`); left as it is, the schema refuses the extra key.
  const keys = Object.keys(candidate);
  if (keys.length !== 2 || !Object.hasOwn(candidate, 'groupId') || !Object.hasOwn(candidate, 'associationIds')) {
    return false;
  }
  const ids = candidate.associationIds;
  if (typeof candidate.groupId !== 'string' || !Array.isArray(ids)) return false;
  for (const id of ids) if (typeof id !== 'string') return false;
  return true;
}

export type SelectionViolation = 'unknownGroup' | 'outsideGroup';

/**
 * One group per application: the group must be one the member may choose (from the resolved
 * source), and every chosen association must belong to that group.
 */
export function checkSelection(
  selection: AssociationSelection,
  groups: readonly GroupItem[],
): SelectionViolation | undefined {
  let group: GroupItem | undefined;
  for (const candidate of groups) if (candidate.id === selection.groupId) group = candidate;
  if (!group) return 'unknownGroup';
  for (const id of selection.associationIds) {
    let found = false;
    for (const association of group.associations) if (association.id === id) found = true;
    if (!found) return 'outsideGroup';
  }
  return undefined;
}
