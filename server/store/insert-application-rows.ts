import { type Kysely, sql } from 'kysely';
import type { Database, TargetRole } from '../db/database.js';
import { ReusableQuery } from '../db/reusable-query.js';
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
  const values: NewApplicationValues = {
    id,
    now,
    formId: form.id,
    formVersion: form.version,
    memberId,
    groupKey: prepared.groupKey,
    data: JSON.stringify(prepared.data),
    confirmView: JSON.stringify(prepared.confirmView),
    facility: prepared.facility === null ? null : JSON.stringify(prepared.facility),
    idempotencyKey: submission.idempotencyKey ?? null,
    actorAccountId: submission.actorAccountId,
    detail: JSON.stringify({
      formVersion: form.version,
      data: prepared.data,
      targets: prepared.targets.map((target) => ({ associationId: target.associationId, role: target.role })),
    }),
    targets: prepared.targets,
    mails,
  };
  const shape: NewApplicationShape = {
    targets: prepared.targets.length,
    mails: mails.length,
    // The columns a mailer fills (the others take their defaults); every mail of an event has the same.
    mailColumns: mails.length === 0 ? [] : (Object.keys(mails[0]!) as (keyof OutboxMail)[]),
  };
  await NEW_APPLICATION.execute(db, values, shape);
}

interface NewApplicationValues {
  readonly id: string;
  readonly now: Date;
  readonly formId: string;
  readonly formVersion: number;
  readonly memberId: string;
  readonly groupKey: string;
  readonly data: string;
  readonly confirmView: string;
  readonly facility: string | null;
  readonly idempotencyKey: string | null;
  readonly actorAccountId: string;
  readonly detail: string;
  readonly targets: readonly { readonly associationId: string; readonly role: TargetRole }[];
  readonly mails: readonly OutboxMail[];
}

interface NewApplicationShape {
  readonly targets: number;
  readonly mails: number;
  readonly mailColumns: readonly (keyof OutboxMail)[];
}

/** The statement, one SQL text per number of targets and mails (see ReusableQuery). */
function newApplicationQuery(db: Kysely<Database>, values: NewApplicationValues, shape: NewApplicationShape) {
  const targets = Array.from({ length: shape.targets }, (_, index) => ({
    application_id: values.id,
    association_id: values.targets[index]!.associationId,
    role: values.targets[index]!.role,
    status: 'submitted' as const,
    application_created_at: values.now,
  }));
  const mails = Array.from({ length: shape.mails }, (_, index) => {
    const mail = values.mails[index]!;
    return Object.fromEntries(shape.mailColumns.map((column) => [column, mail[column]])) as OutboxMail;
  });
  return db
    .with('application', (db) =>
      db
        .insertInto('applications')
        .values({
          id: values.id,
          form_id: values.formId,
          form_version: values.formVersion,
          member_id: values.memberId,
          group_key: values.groupKey,
          data: values.data,
          confirm_view: values.confirmView,
          facility: values.facility,
          status: 'open',
          idempotency_key: values.idempotencyKey,
          created_at: values.now,
          updated_at: values.now,
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
          application_id: values.id,
          at: values.now,
          actor_account_id: values.actorAccountId,
          type: 'submitted',
          association_id: null,
          detail: values.detail,
        })
        .returning('id'),
    )
    .with('mails', (db) =>
      mails.length > 0
        ? db.insertInto('mail_outbox').values(mails).returning('id')
        : db.selectFrom('mail_outbox').select('id').where(sql<boolean>`false`),
    )
    .with('draft', (db) =>
      db.deleteFrom('drafts').where('member_id', '=', values.memberId).where('form_id', '=', values.formId),
    )
    .selectFrom('application')
    .select('id');
}

const NEW_APPLICATION = new ReusableQuery('new application', newApplicationQuery);
