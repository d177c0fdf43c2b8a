import {
  type AssociationSelection,
  applyCascade,
  type CascadeDirection,
  type GroupView,
  isAssociationSelection,
} from '../../engine/browser.js';

/** The ids ticked in a group for the current value (none when another group is chosen). */
export function tickedIn(value: unknown, group: GroupView): readonly string[] {
  return isAssociationSelection(value) && value.groupId === group.id ? value.associationIds : [];
}

/**
 * The value after the member ticks or unticks one association. Ticking in another group starts
 * over in that group (one group per application). The cascade runs as the member clicks: with
 * `upward`, ticking 3層 ticks 2層 and 1層; unticking a layer also unticks the layers the cascade
 * would otherwise tick it back for (unticking 2層 unticks 3層).
 */
export function toggleAssociation(
  value: unknown,
  group: GroupView,
  associationId: string,
  checked: boolean,
  cascade: CascadeDirection,
): AssociationSelection | undefined {
  const current = tickedIn(value, group);
  const layerOf = (id: string) => group.associations.find((association) => association.id === id)?.layer ?? 0;
  let ids: string[];
  if (checked) {
    ids = [...current, associationId];
  } else {
    const layer = layerOf(associationId);
    ids = current.filter((id) => {
      if (id === associationId) return false;
      if (cascade === 'upward') return layerOf(id) < layer;
      if (cascade === 'downward') return layerOf(id) > layer;
      return true;
    });
  }
  const cascaded = applyCascade(ids, group, cascade);
  return cascaded.length === 0 ? undefined : { groupId: group.id, associationIds: cascaded };
}
