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
  // The edge is the lowest chosen layer (upward) or the highest (downward); 1 is the top.
  let edge = direction === 'upward' ? 0 : 4;
  for (const association of associations) {
    if (!selected.includes(association.id)) continue;
    edge = direction === 'upward' ? Math.max(edge, association.layer) : Math.min(edge, association.layer);
  }
  const result: string[] = [];
  for (const association of associations) {
    const cascaded =
      direction === 'upward' ? association.layer <= edge : direction === 'downward' && association.layer >= edge;
    if (cascaded || selected.includes(association.id)) result.push(association.id);
  }
  for (const id of selected) {
    if (!result.includes(id) && !inGroup(associations, id)) result.push(id);
  }
  return result;
}

function inGroup(associations: LayeredGroup['associations'], id: string): boolean {
  for (const association of associations) if (association.id === id) return true;
  return false;
}
