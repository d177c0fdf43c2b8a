import type { Kysely } from 'kysely';
import type { GroupItem } from '../../engine/index.js';
import type { Database } from '../db/database.js';
import { groupItems, type MembershipRow } from '../sources/member-groups.js';
import { type MailParties, mailMember } from './mail-input.js';

/**
 * The member filing or editing an application, as one query reads them: their groups (the
 * `member.groups` source), the associations they currently belong to with each one's office
 * (for the mail, and for the rule that nobody joins one twice), and their own name and address.
 * A withdrawal names only associations of the member's, so with this its mail needs no other
 * read.
 */
export interface Submitter {
  readonly member: MailParties['member'];
  readonly groups: readonly GroupItem[];
  /** Every association of a current membership. */
  readonly associations: MailParties['associations'];
  /** The application the request's Idempotency-Key already created, if it did. */
  readonly keyApplicationId: string | undefined;
}

/**
 * The submitter behind a member id; the id comes from a session, so the member exists. With an
 * Idempotency-Key, the same query asks whether the key has created an application already, so
 * that a submission from the portal (which always sends one) costs no extra round trip for it.
 */
export async function readSubmitter(
  db: Kysely<Database>,
  memberId: string,
  idempotencyKey?: string,
): Promise<Submitter> {
  const rows = await db
    .selectFrom('members')
    // Left joins: a member with no current membership still files (an enrollment) and gets mail.
    .leftJoin('memberships', (join) =>
      join.onRef('memberships.member_id', '=', 'members.id').on('memberships.ended_on', 'is', null),
    )
    .leftJoin('groups', 'groups.id', 'memberships.group_id')
    .leftJoin('associations', 'associations.id', 'memberships.association_id')
    .select([
      'members.name as member_name',
      'members.registration_number',
      'members.email',
      'members.locale',
      'groups.id as group_id',
      'groups.facility_name',
      'groups.facility_name_en',
      'associations.id',
      'associations.name',
      'associations.name_en',
      'associations.layer',
      'associations.office_email',
      // Without a key the comparison is with null, which no row meets: one statement text either way.
      (eb) =>
        eb
          .selectFrom('applications')
          .select('applications.id')
          .where('applications.member_id', '=', memberId)
          .where('applications.idempotency_key', '=', idempotencyKey ?? null)
          .as('key_application_id'),
    ])
    .where('members.id', '=', memberId)
    // The order `memberGroups` gives the source.
    .orderBy('groups.created_at')
    .orderBy('groups.id')
    .orderBy('associations.layer', 'desc')
    .execute();
  const [first] = rows;
  if (!first) throw new Error(`Member ${memberId} does not exist`);
  const memberships: MembershipRow[] = [];
  const associations = new Map<string, { name: string; name_en: string; layer: number; office_email: string }>();
  for (const row of rows) {
    if (row.group_id === null || row.id === null) continue;
    const association = { name: row.name ?? '', name_en: row.name_en ?? '', layer: Number(row.layer) };
    memberships.push({
      group_id: row.group_id,
      facility_name: row.facility_name ?? '',
      facility_name_en: row.facility_name_en ?? '',
      id: row.id,
      ...association,
    });
    associations.set(row.id, { ...association, office_email: row.office_email ?? '' });
  }
  const member = mailMember({
    name: first.member_name,
    registration_number: first.registration_number,
    email: first.email,
    locale: first.locale,
  });
  return {
    member,
    groups: groupItems(memberships),
    associations,
    keyApplicationId: first.key_application_id ?? undefined,
  };
}
