import type { GroupItem } from '../sources/source-catalog.js';

/** The value of an association-layers field: one group and the associations chosen in it. */
export interface AssociationSelection {
  readonly groupId: string;
  readonly associationIds: readonly string[];
}

export function isAssociationSelection(value: unknown): value is AssociationSelection {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.groupId === 'string' &&
    Array.isArray(candidate.associationIds) &&
    candidate.associationIds.every((id) => typeof id === 'string')
  );
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
  const group = groups.find((candidate) => candidate.id === selection.groupId);
  if (!group) return 'unknownGroup';
  for (const id of selection.associationIds) {
    if (!group.associations.some((association) => association.id === id)) return 'outsideGroup';
  }
  return undefined;
}
