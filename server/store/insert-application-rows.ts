import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/database.js';
import type { OutboxMail } from '../mail/application-mail.js';
import type { NewSubmission } from './submit-application.js';

export interface NewApplicationRows {
  readonly id: string;
  readonly now: Date;
  readonly submission: NewSubmission;
  /** The application's mail, rendered, for the outbox. */
  readonly mails: readonly OutboxMail[];
}

/**
 * Writes a new application in one statement: the application, its targets, the 'submitted'
 * event, its mail in the outbox and the end of the member's draft, as data-modifying CTEs. One
 * statement is atomic on its own (all of it or none of it; the foreign keys are checked once it
 * is done), so a submission needs no transaction: one round trip instead of four.
 */
export async function insertApplicationRows(db: Kysely<Database>, input: NewApplicationRows): Promise<void> {
  const { id, now, submission, mails } = input;
  const { form, memberId, prepared } = submission;
  const targets = prepared.targets.map((target) => ({
    application_id: id,
    association_id: target.associationId,
    role: target.role,
    status: 'submitted' as const,
    application_created_at: now,
  }));
  await db
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
          facility: prepared.facility === null ? null : JSON.stringify(prepared.facility),
          status: 'open',
          idempotency_key: submission.idempotencyKey ?? null,
          created_at: now,
          updated_at: now,
        })
        .returning('id'),
    )
    .with('targets', (db) =>
      targets.length > 0
        ? db.insertInto('application_targets').values(targets).returning('association_id')
        : // A form without association fields has no targets: a CTE that yields no rows.
          db.selectFrom('application_targets').select('association_id').where(sql<boolean>`false`),
    )
    .with('event', (db) =>
      db
        .insertInto('application_events')
        .values({
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
        })
        .returning('id'),
    )
    .with('mails', (db) =>
      mails.length > 0
        ? db.insertInto('mail_outbox').values(mails).returning('id')
        : db.selectFrom('mail_outbox').select('id').where(sql<boolean>`false`),
    )
    .with('draft', (db) => db.deleteFrom('drafts').where('member_id', '=', memberId).where('form_id', '=', form.id))
    .selectFrom('application')
    .select('id')
    .execute();
}
