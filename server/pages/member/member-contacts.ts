import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';

export interface AssociationContact {
  readonly id: string;
  readonly name: string;
  readonly layer: number;
  readonly officeEmail: string;
}

/**
 * The offices of the associations the member belongs to today (a membership that has not
 * ended, or ends later), lowest layer first: who to ask before filing an application.
 */
export async function memberContacts(
  db: Kysely<Database>,
  memberId: string,
  today: string,
): Promise<AssociationContact[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('associations', 'associations.id', 'memberships.association_id')
    .select([
      'associations.id',
      'associations.name',
      'associations.layer',
      'associations.office_email',
      'associations.sort_order',
    ])
    .distinct()
    .where('memberships.member_id', '=', memberId)
    .where('memberships.started_on', '<=', today)
    .where((eb) => eb.or([eb('memberships.ended_on', 'is', null), eb('memberships.ended_on', '>=', today)]))
    .orderBy('associations.layer', 'desc')
    .orderBy('associations.sort_order')
    .execute();
  return rows.map((row) => ({ id: row.id, name: row.name, layer: row.layer, officeEmail: row.office_email }));
}
