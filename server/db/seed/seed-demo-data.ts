import type { Kysely } from 'kysely';
import { hashPassword } from '../../auth/password-hash.js';
import type { Database } from '../database.js';
import { ASSOCIATIONS, officeEmail } from './association-data.js';
import { DEMO_PASSWORD, MEMBERS, STAFF_LOGIN } from './member-data.js';

export interface SeedOptions {
  /** How passwords are hashed; tests pass a cheaper cost. */
  readonly hashPassword?: (password: string) => Promise<string>;
}

export interface SeedResult {
  readonly associations: number;
  readonly members: number;
  readonly accounts: number;
}

/**
 * Writes the demo data: the association tree with an office account each, the demo members
 * with their groups and membership history, and a staff account. Idempotent: rows that exist
 * are left alone, so it can run on every start and after a partial run.
 */
export async function seedDemoData(db: Kysely<Database>, options: SeedOptions = {}): Promise<SeedResult> {
  const hash = options.hashPassword ?? ((password: string) => hashPassword(password));
  const associations = await db
    .insertInto('associations')
    .values(
      ASSOCIATIONS.map((association, index) => ({
        id: association.id,
        name: association.name,
        name_en: association.nameEn,
        layer: association.layer,
        parent_id: association.parentId,
        office_email: officeEmail(association),
        prefecture_code: association.prefectureCode,
        sort_order: index,
      })),
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();

  const members = await db
    .insertInto('members')
    .values(
      MEMBERS.map((member) => ({
        id: member.id,
        registration_number: member.registrationNumber,
        name: member.name,
        name_kana: member.nameKana,
        birth_date: member.birthDate,
        email: member.email,
        locale: member.locale,
      })),
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();

  const groups = MEMBERS.flatMap((member) =>
    member.groups.map((group, index) => ({ member, group, createdAt: new Date(Date.UTC(2000 + index, 0, 1)) })),
  );
  if (groups.length > 0) {
    await db
      .insertInto('groups')
      .values(
        groups.map(({ member, group, createdAt }) => ({
          id: group.id,
          member_id: member.id,
          facility_name: group.facility,
          facility_name_en: group.facilityEn,
          // Fixed times keep each member's groups in the order written above.
          created_at: createdAt,
        })),
      )
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    await db
      .insertInto('memberships')
      .values(
        groups.flatMap(({ member, group }) =>
          group.memberships.map((membership) => ({
            id: `${group.id}-${membership.associationId}-${membership.startedOn}`,
            member_id: member.id,
            association_id: membership.associationId,
            group_id: group.id,
            started_on: membership.startedOn,
            ended_on: membership.endedOn ?? null,
          })),
        ),
      )
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }

  const wanted = [
    ...ASSOCIATIONS.map((association) => ({
      id: `account-${association.short}-office`,
      login: `${association.short}-office`,
      role: 'office' as const,
      member_id: null,
      association_id: association.id,
    })),
    ...MEMBERS.map((member) => ({
      id: `account-${member.registrationNumber}`,
      login: member.registrationNumber,
      role: 'member' as const,
      member_id: member.id,
      association_id: null,
    })),
    { id: 'account-staff', login: STAFF_LOGIN, role: 'staff' as const, member_id: null, association_id: null },
  ];
  const existing = new Set((await db.selectFrom('accounts').select('login').execute()).map((row) => row.login));
  const missing = wanted.filter((account) => !existing.has(account.login));
  // Every demo account has the same published password, so one hash serves them all: hashing
  // 66 accounts at full scrypt cost would keep a newcomer's first start waiting for seconds.
  const demoHash = missing.length > 0 ? await hash(DEMO_PASSWORD) : '';
  const hashes = missing.map(() => demoHash);
  if (missing.length > 0) {
    await db
      .insertInto('accounts')
      .values(missing.map((account, index) => ({ ...account, password_hash: hashes[index]! })))
      .onConflict((oc) => oc.column('login').doNothing())
      .execute();
  }
  return {
    associations: Number(associations.numInsertedOrUpdatedRows ?? 0),
    members: Number(members.numInsertedOrUpdatedRows ?? 0),
    accounts: missing.length,
  };
}
