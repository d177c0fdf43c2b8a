import type { Kysely } from 'kysely';
import type { GroupItem, LayerAssociation, OptionItem } from '../../engine/index.js';
import type { Association, Database } from '../db/database.js';

/** Every association in tree order (national, then prefectures by code, each with its cities). */
export function allAssociations(db: Kysely<Database>): Promise<Association[]> {
  return db
    .selectFrom('associations')
    .selectAll()
    .orderBy('layer')
    .orderBy('prefecture_code')
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}

/** `associations.prefectures`: the prefectural associations; parent is the national one. */
export function prefectureOptions(associations: readonly Association[]): OptionItem[] {
  return associations
    .filter((association) => association.layer === 2)
    .map((association) => ({
      value: association.id,
      label: { ja: association.name, en: association.name_en },
      ...(association.parent_id ? { parent: association.parent_id } : {}),
    }));
}

/**
 * `associations.chains`: every chain a member can join, one per prefecture (prefecture →
 * national) and one per city (city → prefecture → national), lowest layer first. Its id is
 * `chain:<lowest association id>` and its parent the prefecture, so a prefecture field can
 * narrow the list. Associations the member already belongs to are left out of every chain (a
 * member of 日本医師会 joining 札幌市医師会 is offered 札幌市医師会 and 北海道医師会 only), and a
 * chain with nothing left to join is not offered.
 */
export function associationChains(
  associations: readonly Association[],
  memberOf: ReadonlySet<string> = new Set(),
): GroupItem[] {
  const byId = new Map(associations.map((association) => [association.id, association]));
  const chains: GroupItem[] = [];
  for (const lowest of associations) {
    if (lowest.layer === 1) continue;
    const chain: LayerAssociation[] = [];
    for (let current: Association | undefined = lowest; current; ) {
      chain.push({
        id: current.id,
        name: { ja: current.name, en: current.name_en },
        layer: current.layer as 1 | 2 | 3,
      });
      current = current.parent_id ? byId.get(current.parent_id) : undefined;
    }
    const prefecture = chain.find((association) => association.layer === 2);
    if (!prefecture || memberOf.has(lowest.id)) continue;
    const joinable = chain.filter((association) => !memberOf.has(association.id));
    chains.push({ id: `chain:${lowest.id}`, associations: joinable, parent: prefecture.id });
  }
  // A prefecture's own chain first, then its cities, so the choices read top-down.
  return chains.sort((a, b) => order(a, byId) - order(b, byId) || a.associations.length - b.associations.length);
}

function order(chain: GroupItem, byId: ReadonlyMap<string, Association>): number {
  return byId.get(chain.parent ?? '')?.prefecture_code ?? 0;
}
