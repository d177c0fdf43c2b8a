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
  if (!Object.hasOwn(candidate, 'groupId') || !Object.hasOwn(candidate, 'associationIds')) return false;
  if (ownEnumerableKeyCount(candidate) !== 2) return false;
  const ids = candidate.associationIds;
  if (typeof candidate.groupId !== 'string' || !Array.isArray(ids)) return false;
  for (let index = 0; index < ids.length; index++) if (typeof ids[index] !== 'string') return false;
  return true;
}

/**
 * What `Object.keys(object).length` says, without making the list: this runs on every submission.
 * The builtin is spelt out, neither aliased nor `Object.hasOwn`: V8 then sees it inside for…in and
 * answers from the loop's own bookkeeping instead of calling it, which makes the count about
 * twice as fast as either.
 */
function ownEnumerableKeyCount(object: object): number {
  let count = 0;
  // biome-ignore lint/suspicious/noPrototypeBuiltins: the spelling V8 answers without a call.
  for (const key in object) if (Object.prototype.hasOwnProperty.call(object, key)) count++;
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
