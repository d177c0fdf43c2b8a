import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';

/** A half-filled form, kept on the server so nothing personal stays in the browser. */
export interface DraftView {
  readonly formId: string;
  readonly version: number;
  readonly stepId: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly updatedAt: string;
}

export async function findDraft(
  db: Kysely<Database>,
  memberId: string,
  formId: string,
): Promise<DraftView | undefined> {
  const row = await db
    .selectFrom('drafts')
    .selectAll()
    .where('member_id', '=', memberId)
    .where('form_id', '=', formId)
    .executeTakeFirst();
  return (
    row && {
      formId: row.form_id,
      version: row.form_version,
      stepId: row.step_id,
      data: row.data as Record<string, unknown>,
      updatedAt: row.updated_at.toISOString(),
    }
  );
}

/** Saves (or replaces) the member's one draft of a form. */
export async function saveDraft(
  db: Kysely<Database>,
  memberId: string,
  draft: Omit<DraftView, 'updatedAt'>,
  now: Date,
): Promise<DraftView> {
  const values = {
    form_version: draft.version,
    step_id: draft.stepId,
    data: JSON.stringify(draft.data),
    updated_at: now,
  };
  await db
    .insertInto('drafts')
    .values({ member_id: memberId, form_id: draft.formId, ...values })
    .onConflict((oc) => oc.columns(['member_id', 'form_id']).doUpdateSet(values))
    .execute();
  return { ...draft, updatedAt: now.toISOString() };
}

/** True when there was a draft to delete. */
export async function deleteDraft(db: Kysely<Database>, memberId: string, formId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('drafts')
    .where('member_id', '=', memberId)
    .where('form_id', '=', formId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
