import type { Kysely } from 'kysely';
import type { RuntimeForm } from '../../engine/index.js';
import type { Database } from '../db/database.js';
import { ConflictError } from '../errors/app-errors.js';
import type { ApplicationMailer } from '../mail/application-mail.js';
import type { Clock } from '../runtime/clock.js';
import type { NewId } from '../runtime/new-id.js';
import { appendEvent } from './application-events.js';
import { applicationMailInput } from './mail-input.js';
import type { PreparedSubmission } from './prepare-submission.js';
import { violatedUniqueIndex } from './unique-violation.js';

export interface StoreDeps {
  readonly db: Kysely<Database>;
  readonly mailer: ApplicationMailer;
  readonly clock: Clock;
  readonly newId: NewId;
}

export interface NewSubmission {
  readonly form: RuntimeForm;
  readonly memberId: string;
  readonly actorAccountId: string;
  readonly prepared: PreparedSubmission;
  readonly idempotencyKey: string | undefined;
}

/** The application a submission created, or the one its Idempotency-Key already names. */
export interface SubmissionOutcome {
  readonly applicationId: string;
  readonly created: boolean;
}

/** The application an Idempotency-Key of this member already created, if any. */
export async function applicationOfKey(
  db: Kysely<Database>,
  memberId: string,
  key: string | undefined,
): Promise<string | undefined> {
  if (key === undefined) return undefined;
  const row = await db
    .selectFrom('applications')
    .select('id')
    .where('member_id', '=', memberId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
  return row?.id;
}

/**
 * Stores an application in one transaction: the application, one target per association, the
 * 'submitted' event, its mail in the outbox, and the end of the member's draft. Either all of
 * it is committed or none. The partial unique indexes settle races: a second open application
 * for the group is 409 `open_application_exists`; a retried Idempotency-Key gets the first.
 */
export async function submitApplication(deps: StoreDeps, submission: NewSubmission): Promise<SubmissionOutcome> {
  const { db, mailer, clock, newId } = deps;
  const { form, memberId, prepared, idempotencyKey } = submission;
  const id = newId();
  const now = clock.now();
  try {
    await db.transaction().execute(async (trx) => {
      await trx
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
          idempotency_key: idempotencyKey ?? null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      if (prepared.targets.length > 0) {
        await trx
          .insertInto('application_targets')
          .values(
            prepared.targets.map((target) => ({
              application_id: id,
              association_id: target.associationId,
              role: target.role,
              status: 'submitted' as const,
            })),
          )
          .execute();
      }
      await appendEvent(trx, {
        applicationId: id,
        at: now,
        actorAccountId: submission.actorAccountId,
        type: 'submitted',
        associationId: null,
        detail: {
          formVersion: form.version,
          data: prepared.data,
          targets: prepared.targets.map((target) => ({ associationId: target.associationId, role: target.role })),
        },
      });
      await mailer.enqueue(trx, await applicationMailInput(trx, 'submitted', form, id));
      await trx.deleteFrom('drafts').where('member_id', '=', memberId).where('form_id', '=', form.id).execute();
    });
  } catch (error) {
    const index = violatedUniqueIndex(error);
    // A concurrent retry with the same key may trip either index first (its twin is open, too):
    // whenever the key already names an application, that application is the answer.
    if (index !== undefined) {
      const existing = await applicationOfKey(db, memberId, idempotencyKey);
      if (existing) return { applicationId: existing, created: false };
    }
    if (index === 'applications_one_open') {
      throw new ConflictError('open_application_exists', undefined, { cause: error });
    }
    throw error;
  }
  return { applicationId: id, created: true };
}
