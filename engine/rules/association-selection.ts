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
  if (!ownKey.call(candidate, 'groupId') || !ownKey.call(candidate, 'associationIds')) return false;
  if (ownEnumerableKeyCount(candidate) !== 2) return false;
  const ids = candidate.associationIds;
  if (typeof candidate.groupId !== 'string' || !Array.isArray(ids)) return false;
  for (const id of ids) if (typeof id !== 'string') return false;
  return true;
}

const ownKey = Object.prototype.hasOwnProperty;

/** What `Object.keys(object).length` says, without making the list: this runs on every submission. */
function ownEnumerableKeyCount(object: object): number {
  let count = 0;
  for (const key in object) if (ownKey.call(object, key)) count++;
  return count;
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
  const group = lastGroupWithId(groups, selection.groupId);
  if (!group) return 'unknownGroup';
  const ids = selection.associationIds;
  for (let index = 0; index < ids.length; index++) {
    if (!hasAssociation(group, ids[index]!)) return 'outsideGroup';
  }
  return undefined;
}

/** The last group with the id, should a source list one twice. */
function lastGroupWithId(groups: readonly GroupItem[], id: string): GroupItem | undefined {
  for (let index = groups.length - 1; index >= 0; index--) if (groups[index]!.id === id) return groups[index];
  return undefined;
}

function hasAssociation(group: GroupItem, id: string): boolean {
  const associations = group.associations;
  for (let index = 0; index < associations.length; index++) if (associations[index]!.id === id) return true;
  return false;
}
