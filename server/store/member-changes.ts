import type { Transaction } from 'kysely';
import type { RuntimeForm } from '../../engine/index.js';
import type { Database } from '../db/database.js';
import { ConflictError, NotFoundError } from '../errors/app-errors.js';
import { appendEvent } from './application-events.js';
import { isEditable } from './application-view.js';
import { violatedUniqueIndex } from './constraint-violation.js';
import { applicationMailInput } from './mail-input.js';
import type { PreparedSubmission } from './prepare-submission.js';
import type { StoreDeps } from './submit-application.js';

export interface MemberChange {
  readonly applicationId: string;
  readonly memberId: string;
  readonly actorAccountId: string;
  /** The application's own form version. */
  readonly form: RuntimeForm;
}

/**
 * 修正: replaces the data of an application no association has started on. Its targets are
 * filed afresh (a returned one goes back to 申請); the previous data stays in the event log.
 */
export async function editApplication(
  deps: StoreDeps,
  change: MemberChange,
  prepared: PreparedSubmission,
): Promise<void> {
  const now = deps.clock.now();
  try {
    await deps.db.transaction().execute(async (trx) => {
      const previous = await lockEditable(trx, change);
      await trx
        .updateTable('applications')
        .set({
          data: JSON.stringify(prepared.data),
          confirm_view: JSON.stringify(prepared.confirmView),
          facility: prepared.facility === null ? null : JSON.stringify(prepared.facility),
          group_key: prepared.groupKey,
          updated_at: now,
        })
        .where('id', '=', change.applicationId)
        .execute();
      await trx.deleteFrom('application_targets').where('application_id', '=', change.applicationId).execute();
      if (prepared.targets.length > 0) {
        await trx
          .insertInto('application_targets')
          .values(
            prepared.targets.map((target) => ({
              application_id: change.applicationId,
              association_id: target.associationId,
              role: target.role,
              status: 'submitted' as const,
            })),
          )
          .execute();
      }
      await appendEvent(trx, {
        applicationId: change.applicationId,
        at: now,
        actorAccountId: change.actorAccountId,
        type: 'edited',
        associationId: null,
        detail: {
          previous: previous.data,
          data: prepared.data,
          targets: prepared.targets.map((target) => ({ associationId: target.associationId, role: target.role })),
        },
      });
      await deps.mailer.enqueue(trx, await applicationMailInput(trx, 'edited', change.form, change.applicationId));
    });
  } catch (error) {
    if (violatedUniqueIndex(error) === 'applications_one_open') {
      throw new ConflictError('open_application_exists', undefined, { cause: error });
    }
    throw error;
  }
}

/** 削除: the member takes the application back; every target becomes 取下げ. */
export async function withdrawApplication(deps: StoreDeps, change: MemberChange): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await lockEditable(trx, change);
    await trx
      .updateTable('application_targets')
      .set({ status: 'withdrawn' })
      .where('application_id', '=', change.applicationId)
      .execute();
    await trx
      .updateTable('applications')
      .set({ status: 'withdrawn', updated_at: now })
      .where('id', '=', change.applicationId)
      .execute();
    await appendEvent(trx, {
      applicationId: change.applicationId,
      at: now,
      actorAccountId: change.actorAccountId,
      type: 'withdrawn',
      associationId: null,
      detail: {},
    });
    await deps.mailer.enqueue(trx, await applicationMailInput(trx, 'withdrawn', change.form, change.applicationId));
  });
}

/**
 * Locks the member's application (so an office decision cannot slip in between) and checks it
 * may still change: open, and no target in review or approved.
 */
async function lockEditable(trx: Transaction<Database>, change: MemberChange) {
  const application = await trx
    .selectFrom('applications')
    .select(['id', 'status', 'data'])
    .where('id', '=', change.applicationId)
    .where('member_id', '=', change.memberId)
    .forUpdate()
    .executeTakeFirst();
  if (!application) throw new NotFoundError();
  const targets = await trx
    .selectFrom('application_targets')
    .select('status')
    .where('application_id', '=', change.applicationId)
    .execute();
  if (!isEditable(application.status, targets)) throw new ConflictError('not_editable');
  return application;
}
