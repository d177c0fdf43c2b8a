export type CascadeDirection = 'upward' | 'downward' | 'none';

/** The part of a group the cascade reads: its associations' ids and layers (a GroupItem or a GroupView). */
export interface LayeredGroup {
  readonly associations: readonly { readonly id: string; readonly layer: number }[];
}

/**
 * The layer cascade. With `upward` (the manual's rule for withdrawal), choosing a layer also
 * chooses every layer above it in the same group: leaving 2層 北海道医師会 leaves 1層 日本医師会.
 * With `downward`, choosing a layer also chooses every layer below it. Ids outside the group are
 * kept as given so the one-group rule can report them. The result follows the group's order.
 */
export function applyCascade(selected: readonly string[], group: LayeredGroup, direction: CascadeDirection): string[] {
  const associations = group.associations;
  const upward = direction === 'upward';
  const downward = direction === 'downward';
  // The edge is the lowest chosen layer (upward) or the highest (downward); 1 is the top.
  // Index loops throughout, and `contains` rather than `includes`: this runs on every
  // submission with a cascade, on lists of a few ids, where a builtin's call costs more than
  // the comparisons.
  let edge = upward ? 0 : 4;
  if (upward || downward) {
    for (let index = 0; index < associations.length; index++) {
      const association = associations[index]!;
      if (!contains(selected, association.id)) continue;
      edge = upward ? Math.max(edge, association.layer) : Math.min(edge, association.layer);
    }
  }
  const result: string[] = [];
  for (let index = 0; index < associations.length; index++) {
    const association = associations[index]!;
    const cascaded = upward ? association.layer <= edge : downward && association.layer >= edge;
    if (cascaded || contains(selected, association.id)) result.push(association.id);
  }
  // A chosen id of the group is in the result already; only the others need the dedupe.
  for (let index = 0; index < selected.length; index++) {
    const id = selected[index]!;
    if (!inGroup(associations, id) && !contains(result, id)) result.push(id);
  }
  return result;
}

function contains(ids: readonly string[], id: string): boolean {
  for (let index = 0; index < ids.length; index++) if (ids[index] === id) return true;
  return false;
}

function inGroup(associations: LayeredGroup['associations'], id: string): boolean {
  for (let index = 0; index < associations.length; index++) if (associations[index]!.id === id) return true;
  return false;
}
