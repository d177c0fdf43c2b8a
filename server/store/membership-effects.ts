import type { Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import { ConflictError } from '../errors/app-errors.js';
import type { NewId } from '../runtime/new-id.js';

export interface EffectContext {
  readonly trx: Transaction<Database>;
  readonly newId: NewId;
  readonly now: Date;
  readonly applicationId: string;
  readonly memberId: string;
  readonly associationId: string;
  /** The day the membership ends or starts: the application's effective date. */
  readonly effectiveOn: string;
}

/**
 * An approved `leave` target: the member's current membership of that association in the
 * application's group ends on the effective date. It stays in the 入退会履歴 with its end.
 */
export async function endMembership(context: EffectContext, groupId: string): Promise<void> {
  const result = await context.trx
    .updateTable('memberships')
    .set({ ended_on: context.effectiveOn, end_application_id: context.applicationId })
    .where('member_id', '=', context.memberId)
    .where('association_id', '=', context.associationId)
    .where('group_id', '=', groupId)
    .where('ended_on', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new ConflictError('membership_not_current');
}

/**
 * An approved `join` target: a membership starting on the effective date, in the new group this
 * application forms (created with the first approved join, reused by the others).
 */
export async function startMembership(context: EffectContext, facility: string): Promise<void> {
  const { trx, newId } = context;
  const sibling = await trx
    .selectFrom('memberships')
    .select('group_id')
    .where('start_application_id', '=', context.applicationId)
    .executeTakeFirst();
  let groupId = sibling?.group_id;
  if (!groupId) {
    groupId = newId();
    await trx
      .insertInto('groups')
      .values({
        id: groupId,
        member_id: context.memberId,
        // Members type the facility in one language; it serves as both.
        facility_name: facility,
        facility_name_en: facility,
        created_at: context.now,
      })
      .execute();
  }
  await trx
    .insertInto('memberships')
    .values({
      id: newId(),
      member_id: context.memberId,
      association_id: context.associationId,
      group_id: groupId,
      started_on: context.effectiveOn,
      start_application_id: context.applicationId,
    })
    .execute();
}
