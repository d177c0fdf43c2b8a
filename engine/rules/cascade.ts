import type { GroupItem } from '../sources/source-catalog.js';

export type CascadeDirection = 'upward' | 'downward' | 'none';

/**
 * The layer cascade. With `upward` (the manual's rule for withdrawal), choosing a layer also
 * chooses every layer above it in the same group: leaving 2層 北海道医師会 leaves 1層 日本医師会.
 * With `downward`, choosing a layer also chooses every layer below it. Ids outside the group are
 * kept as given so the one-group rule can report them. The result follows the group's order.
 */
export function applyCascade(selected: readonly string[], group: GroupItem, direction: CascadeDirection): string[] {
  const chosen = new Set(selected);
  if (direction !== 'none') {
    let edge: number | undefined;
    for (const association of group.associations) {
      if (!chosen.has(association.id)) continue;
      if (edge === undefined) edge = association.layer;
      else edge = direction === 'upward' ? Math.max(edge, association.layer) : Math.min(edge, association.layer);
    }
    if (edge !== undefined) {
      for (const association of group.associations) {
        if (direction === 'upward' ? association.layer <= edge : association.layer >= edge) {
          chosen.add(association.id);
        }
      }
    }
  }
  const inGroup = group.associations.filter((association) => chosen.has(association.id)).map((a) => a.id);
  const outside = selected.filter((id) => !group.associations.some((association) => association.id === id));
  return [...inGroup, ...outside];
}
