import type { Kysely } from 'kysely';
import type { RuntimeForm } from '../../engine/index.js';
import type { Database } from '../db/database.js';
import { ConflictError } from '../errors/app-errors.js';
import type { ApplicationMailer } from '../mail/application-mail.js';
import type { Clock } from '../runtime/clock.js';
import type { NewId } from '../runtime/new-id.js';
import { type ApplicationView, toApplicationView } from './application-view.js';
import { violatedForeignKey, violatedUniqueIndex } from './constraint-violation.js';
import { insertApplicationRows } from './insert-application-rows.js';
import { mailTarget, readMailParties } from './mail-input.js';
import type { PreparedSubmission } from './prepare-submission.js';
import type { Submitter } from './submitter.js';

export interface StoreDeps {
  readonly db: Kysely<Database>;
  readonly mailer: ApplicationMailer;
  readonly clock: Clock;
  readonly newId: NewId;
}

export interface NewSubmission {
  readonly form: RuntimeForm;
  readonly memberId: string;
  /** The member as read for this request (`readSubmitter`). */
  readonly submitter: Submitter;
  readonly actorAccountId: string;
  readonly prepared: PreparedSubmission;
  readonly idempotencyKey: string | undefined;
}

/** The application a submission created, or the one its Idempotency-Key already names. */
export interface SubmissionOutcome {
  readonly applicationId: string;
  readonly created: boolean;
  /** The member's view of the application, when this submission created it. */
  readonly view?: ApplicationView | undefined;
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
 * Stores an application: the application, one target per association, the 'submitted' event,
 * its mail in the outbox, and the end of the member's draft — all of it or none of it. The
 * partial unique indexes settle races: a second open application for the group is 409
 * `open_application_exists`; a retried Idempotency-Key gets the first.
 *
 * The mail is rendered before anything is written, from the submitter read with the request;
 * only associations the member does not belong to yet (those an enrollment joins) are read
 * first. One statement then writes every row: a withdrawal costs this one round trip. The
 * member's view of the new application is built from what was written, not read again.
 */
export async function submitApplication(deps: StoreDeps, submission: NewSubmission): Promise<SubmissionOutcome> {
  const { db, mailer, clock, newId } = deps;
  const { form, memberId, prepared, idempotencyKey } = submission;
  const id = newId();
  const now = clock.now();
  const parties = await readMailParties(
    db,
    submission.submitter,
    prepared.targets.map((target) => target.associationId),
  );
  const targets = prepared.targets.map((target) => {
    const association = parties.associations.get(target.associationId);
    if (!association) throw new Error(`Association ${target.associationId} does not exist`);
    return {
      application_id: id,
      association_id: target.associationId,
      role: target.role,
      status: 'submitted' as const,
      comment: null,
      ...association,
    };
  });
  const mails = mailer.render({
    event: 'submitted',
    form,
    application: { id, formId: form.id, formVersion: form.version, createdAt: now },
    confirmView: prepared.confirmView,
    member: parties.member,
    // From the lowest layer up, as the mail lists them.
    targets: [...targets].sort((a, b) => b.layer - a.layer).map(mailTarget),
  });
  try {
    await insertApplicationRows(db, { id, now, submission, mails });
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
    // The version is taken from the form catalog, not read in this statement: one that is no
    // longer in form_versions (a database restored to before it) fails here, as outdated.
    if (violatedForeignKey(error) === 'applications_form_version') {
      throw new ConflictError('form_version_outdated', undefined, { cause: error });
    }
    throw error;
  }
  const application = {
    id,
    form_id: form.id,
    form_version: form.version,
    member_id: memberId,
    data: prepared.data,
    confirm_view: prepared.confirmView,
    facility: prepared.facility,
    status: 'open' as const,
    created_at: now,
    updated_at: now,
  };
  return { applicationId: id, created: true, view: toApplicationView(application, targets) };
}
