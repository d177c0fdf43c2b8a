import type { Kysely } from 'kysely';
import type { GroupItem } from '../../engine/index.js';
import type { Principal } from '../app-env.js';
import { toPrincipal } from '../auth/load-principal.js';
import { sessionIdOf } from '../auth/session-token.js';
import type { Database } from '../db/database.js';
import { ReusableQuery } from '../db/reusable-query.js';
import { groupItems, MEMBERSHIP_COLUMNS, type MembershipRow } from '../sources/member-groups.js';
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
  const rows = await MEMBER_SUBMITTER.execute(db, { memberId, idempotencyKey: idempotencyKey ?? null });
  if (!rows[0]) throw new Error(`Member ${memberId} does not exist`);
  return submitterOf(rows);
}

/** A signed-in member and what they submit as, read together. */
export interface SessionSubmitter {
  readonly principal: Principal;
  readonly submitter: Submitter;
}

/**
 * The member account behind a session cookie's token and its submitter, in one query: a
 * submission then costs one round trip less than authenticating and reading apart. Undefined
 * when the token names no unexpired session of an account with a member; the caller then
 * authenticates the general way, which tells a missing session (401) from an office's (403).
 */
export async function readSessionSubmitter(
  db: Kysely<Database>,
  token: string,
  now: Date,
  idempotencyKey?: string,
): Promise<SessionSubmitter | undefined> {
  const rows = await SESSION_SUBMITTER.execute(db, {
    sessionId: sessionIdOf(token),
    now,
    idempotencyKey: idempotencyKey ?? null,
  });
  const [first] = rows;
  if (!first) return undefined;
  const principal = toPrincipal(
    {
      id: first.account_id,
      role: first.role,
      login: first.login,
      member_id: first.member_id,
      association_id: first.account_association_id,
      member_name: first.member_name,
      locale: first.locale,
      // The account has a member: its name is the member's, whatever office it might name.
      association_name: null,
    },
    { via: 'session', session: { id: first.session_id, csrfToken: first.csrf_token } },
  );
  return { principal, submitter: submitterOf(rows) };
}

const MEMBER_SUBMITTER = new ReusableQuery(
  'member submitter',
  (db, values: { memberId: string; idempotencyKey: string | null }) =>
    submitterQuery(db, values.idempotencyKey).where('members.id', '=', values.memberId),
);

const SESSION_SUBMITTER = new ReusableQuery(
  'session submitter',
  (db, values: { sessionId: string; now: Date; idempotencyKey: string | null }) =>
    submitterQuery(db, values.idempotencyKey)
      .innerJoin('accounts', 'accounts.member_id', 'members.id')
      .innerJoin('sessions', 'sessions.account_id', 'accounts.id')
      .select([
        'accounts.id as account_id',
        'accounts.role',
        'accounts.login',
        'accounts.association_id as account_association_id',
        'sessions.id as session_id',
        'sessions.csrf_token',
      ])
      .where('sessions.id', '=', values.sessionId)
      .where('sessions.expires_at', '>', values.now),
);

/** The member with each current membership's group and association, one row per membership. */
function submitterQuery(db: Kysely<Database>, idempotencyKey: string | null) {
  return (
    db
      .selectFrom('members')
      // Left joins: a member with no current membership still files (an enrollment) and gets mail.
      .leftJoin('memberships', (join) =>
        join.onRef('memberships.member_id', '=', 'members.id').on('memberships.ended_on', 'is', null),
      )
      .leftJoin('groups', 'groups.id', 'memberships.group_id')
      .leftJoin('associations', 'associations.id', 'memberships.association_id')
      .select([
        'members.id as member_id',
        'members.name as member_name',
        'members.registration_number',
        'members.email',
        'members.locale',
        ...MEMBERSHIP_COLUMNS,
        'associations.office_email',
        // Without a key the comparison is with null, which no row meets: one statement text either way.
        (eb) =>
          eb
            .selectFrom('applications')
            .select('applications.id')
            .whereRef('applications.member_id', '=', 'members.id')
            .where('applications.idempotency_key', '=', idempotencyKey)
            .as('key_application_id'),
      ])
      // The order `memberGroups` gives the source.
      .orderBy('groups.created_at')
      .orderBy('groups.id')
      .orderBy('associations.layer', 'desc')
  );
}

type SubmitterRow = Awaited<ReturnType<ReturnType<typeof submitterQuery>['execute']>>[number];

/** The submitter of the query's rows; there is at least one, the member's. */
function submitterOf(rows: readonly SubmitterRow[]): Submitter {
  const first = rows[0]!;
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
