import type { RuntimeForm } from '../../engine/index.js';
import type { ApplicationEventType, TargetStatus } from '../db/database.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors/app-errors.js';
import { calendarDay } from '../runtime/clock.js';
import { hasUnsafeCharacters } from '../runtime/safe-text.js';
import { appendEvent } from './application-events.js';
import { findTarget } from './application-targets.js';
import { applicationMailInput } from './mail-input.js';
import { endMembership, startMembership } from './membership-effects.js';
import type { StoreDeps } from './submit-application.js';

export type Decision = 'review' | 'approve' | 'return';
export const DECISIONS: readonly Decision[] = ['review', 'approve', 'return'];

/** Each decision: the statuses it may start from, where it leads, and the event it writes. */
const TRANSITIONS: Readonly<
  Record<Decision, { from: readonly TargetStatus[]; to: TargetStatus; event: DecisionEvent }>
> = {
  review: { from: ['submitted'], to: 'in_review', event: 'in-review' },
  approve: { from: ['submitted', 'in_review'], to: 'approved', event: 'approved' },
  return: { from: ['submitted', 'in_review'], to: 'returned', event: 'returned' },
};
/** The event (and mail) of a decision: both an ApplicationEventType and a MailEvent. */
type DecisionEvent = Extract<ApplicationEventType, 'in-review' | 'approved' | 'returned'>;

export interface DecisionInput {
  readonly applicationId: string;
  readonly associationId: string;
  readonly actorAccountId: string;
  readonly decision: Decision;
  readonly comment: string | null;
  /** The application's own form version. */
  readonly form: RuntimeForm;
}

/**
 * An office decides its own target: 申請 → 申請中 (review), → 承認 (approve) or → 差戻し (return).
 * Approval changes the membership history; when every target is decided the application is
 * complete. The application row is locked first, so two clicks (or two offices finishing at
 * once) are applied one after the other and each sees the other's result.
 */
export async function decideTarget(deps: StoreDeps, input: DecisionInput): Promise<void> {
  const { db, clock, newId, mailer } = deps;
  if (input.comment !== null && hasUnsafeCharacters(input.comment)) {
    // Whichever form it came through (the API's JSON, the portal's page): nobody types a NUL.
    throw new ValidationError([
      {
        pointer: '/comment',
        message: {
          ja: 'コメントに使用できない文字（制御文字など）が含まれています',
          en: 'The comment contains characters that cannot be used (control characters or similar)',
        },
      },
    ]);
  }
  const now = clock.now();
  const transition = TRANSITIONS[input.decision];
  await db.transaction().execute(async (trx) => {
    const application = await trx
      .selectFrom('applications')
      .select(['id', 'member_id', 'group_key', 'data', 'status'])
      .where('id', '=', input.applicationId)
      .forUpdate()
      .executeTakeFirst();
    const target = await trx
      .selectFrom('application_targets')
      .select(['role', 'status'])
      .where('application_id', '=', input.applicationId)
      .where('association_id', '=', input.associationId)
      .forUpdate()
      .executeTakeFirst();
    if (!application || !target) throw new NotFoundError();
    if (application.status !== 'open' || !transition.from.includes(target.status)) {
      throw new ConflictError('transition_not_allowed');
    }
    const decided = input.decision !== 'review';
    await trx
      .updateTable('application_targets')
      .set({
        status: transition.to,
        ...(input.comment !== null ? { comment: input.comment } : {}),
        ...(decided ? { decided_at: now, decided_by: input.actorAccountId } : {}),
      })
      .where('application_id', '=', input.applicationId)
      .where('association_id', '=', input.associationId)
      .execute();
    if (input.decision === 'approve') {
      const data = (application.data ?? {}) as Record<string, unknown>;
      const workflow = input.form.definition.workflow;
      const dateValue = workflow?.effectiveDate === undefined ? undefined : data[workflow.effectiveDate];
      const context = {
        trx,
        newId,
        now,
        applicationId: application.id,
        memberId: application.member_id,
        associationId: input.associationId,
        effectiveOn: typeof dateValue === 'string' ? dateValue : calendarDay(now),
      };
      if (target.role === 'leave') {
        const planned = findTarget(input.form, data, input.associationId, 'leave');
        await endMembership(context, planned?.groupId ?? application.group_key);
      } else {
        const facility = workflow?.facility === undefined ? undefined : data[workflow.facility];
        await startMembership(context, typeof facility === 'string' ? facility : '');
      }
    }
    const open = await trx
      .selectFrom('application_targets')
      .select('association_id')
      .where('application_id', '=', input.applicationId)
      .where('status', 'not in', ['approved', 'returned'])
      .executeTakeFirst();
    await trx
      .updateTable('applications')
      .set({ updated_at: now, ...(open ? {} : { status: 'complete' as const }) })
      .where('id', '=', input.applicationId)
      .execute();
    await appendEvent(trx, {
      applicationId: input.applicationId,
      at: now,
      actorAccountId: input.actorAccountId,
      type: transition.event,
      associationId: input.associationId,
      detail: { decision: input.decision, from: target.status, to: transition.to, comment: input.comment },
    });
    const decision = { associationId: input.associationId, comment: input.comment };
    await mailer.enqueue(
      trx,
      await applicationMailInput(trx, transition.event, input.form, input.applicationId, decision),
    );
  });
}
