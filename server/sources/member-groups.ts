import type { Kysely } from 'kysely';
import type { GroupItem, LayerAssociation } from '../../engine/index.js';
import type { Database } from '../db/database.js';

/** The columns of a `MembershipRow`, selected from memberships joined to groups and associations. */
export const MEMBERSHIP_COLUMNS = [
  'groups.id as group_id',
  'groups.facility_name',
  'groups.facility_name_en',
  'associations.id',
  'associations.name',
  'associations.name_en',
  'associations.layer',
] as const;

/**
 * `member.groups`: the member's affiliation groups with the associations they currently belong
 * to in each (a membership without an end date), lowest layer first. A group with no current
 * membership is not offered.
 */
export async function memberGroups(db: Kysely<Database>, memberId: string): Promise<GroupItem[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('groups', 'groups.id', 'memberships.group_id')
    .innerJoin('associations', 'associations.id', 'memberships.association_id')
    .select(MEMBERSHIP_COLUMNS)
    .where('memberships.member_id', '=', memberId)
    .where('memberships.ended_on', 'is', null)
    .orderBy('groups.created_at')
    .orderBy('groups.id')
    .orderBy('associations.layer', 'desc')
    .execute();
  return groupItems(rows);
}

/** One membership row: its group and its association. */
export interface MembershipRow {
  readonly group_id: string;
  readonly facility_name: string;
  readonly facility_name_en: string;
  readonly id: string;
  readonly name: string;
  readonly name_en: string;
  readonly layer: number;
}

/** Membership rows, in the order `memberGroups` reads them, as the source's groups. */
export function groupItems(rows: readonly MembershipRow[]): GroupItem[] {
  const groups = new Map<string, { facility: GroupItem['facility']; associations: LayerAssociation[] }>();
  for (const row of rows) {
    let group = groups.get(row.group_id);
    if (!group) {
      group = { facility: { ja: row.facility_name, en: row.facility_name_en }, associations: [] };
      groups.set(row.group_id, group);
    }
    group.associations.push({ id: row.id, name: { ja: row.name, en: row.name_en }, layer: row.layer as 1 | 2 | 3 });
  }
  return [...groups].map(([id, group]) => ({ id, facility: group.facility, associations: group.associations }));
}
