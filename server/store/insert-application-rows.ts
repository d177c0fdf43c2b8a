import { sql, type Transaction } from 'kysely';
import type { Database, TargetRole, TargetStatus } from '../db/database.js';
import type { NewSubmission } from './submit-application.js';

export interface WrittenApplication {
  /** What the mail says about the member who filed it. */
  readonly member: {
    readonly name: string;
    readonly registration_number: string;
    readonly email: string;
    readonly locale: string;
  };
  /** The targets as stored, with what the mail and the view say about each association. */
  readonly targets: readonly {
    readonly association_id: string;
    readonly role: TargetRole;
    readonly status: TargetStatus;
    readonly name: string;
    readonly name_en: string;
    readonly layer: number;
    readonly office_email: string;
  }[];
}

/**
 * Writes a new application's rows in one statement: the application, its targets, the
 * 'submitted' event and the end of the member's draft, as data-modifying CTEs (atomic, and
 * their foreign keys are checked once the statement is done). The same statement reads back the
 * member and the targets' associations, which the mail needs.
 */
export async function insertApplicationRows(
  trx: Transaction<Database>,
  input: { readonly id: string; readonly now: Date; readonly submission: NewSubmission },
): Promise<WrittenApplication> {
  const { id, now, submission } = input;
  const { form, memberId, prepared } = submission;
  const targets = prepared.targets.map((target) => ({
    application_id: id,
    association_id: target.associationId,
    role: target.role,
    status: 'submitted' as const,
    application_created_at: now,
  }));
  const rows = await trx
    .with('application', (db) =>
      db
        .insertInto('applications')
        .values({
          id,
          form_id: form.id,
          form_version: form.version,
          member_id: memberId,
          group_key: prepared.groupKey,
          data: JSON.stringify(prepared.data),
          confirm_view: JSON.stringify(prepared.confirmView),
          status: 'open',
          idempotency_key: submission.idempotencyKey ?? null,
          created_at: now,
          updated_at: now,
        })
        .returning('id'),
    )
    .with('targets', (db) =>
      targets.length > 0
        ? db.insertInto('application_targets').values(targets).returning(['association_id', 'role', 'status'])
        : // A form without association fields has no targets: a CTE that yields no rows.
          db.selectFrom('application_targets').select(['association_id', 'role', 'status']).where(sql<boolean>`false`),
    )
    .with('event', (db) =>
      db.insertInto('application_events').values({
        application_id: id,
        at: now,
        actor_account_id: submission.actorAccountId,
        type: 'submitted',
        association_id: null,
        detail: JSON.stringify({
          formVersion: form.version,
          data: prepared.data,
          targets: prepared.targets.map((target) => ({ associationId: target.associationId, role: target.role })),
        }),
      }),
    )
    .with('draft', (db) => db.deleteFrom('drafts').where('member_id', '=', memberId).where('form_id', '=', form.id))
    .selectFrom('members')
    .leftJoin(
      (db) =>
        db
          .selectFrom('targets')
          .innerJoin('associations', 'associations.id', 'targets.association_id')
          .select([
            'targets.association_id',
            'targets.role',
            'targets.status',
            'associations.name as association_name',
            'associations.name_en',
            'associations.layer',
            'associations.office_email',
          ])
          .as('target'),
      (join) => join.onTrue(),
    )
    .select([
      'members.name',
      'members.registration_number',
      'members.email',
      'members.locale',
      'target.association_id',
      'target.role',
      'target.status',
      'target.association_name',
      'target.name_en',
      'target.layer',
      'target.office_email',
    ])
    .where('members.id', '=', memberId)
    .execute();
  const [first] = rows;
  if (!first) throw new Error(`Member ${memberId} does not exist`);
  return {
    member: first,
    targets: rows.flatMap((row) =>
      row.association_id === null
        ? []
        : [
            {
              association_id: row.association_id,
              role: row.role as TargetRole,
              status: row.status as TargetStatus,
              name: row.association_name ?? '',
              name_en: row.name_en ?? '',
              layer: Number(row.layer),
              office_email: row.office_email ?? '',
            },
          ],
    ),
  };
}
