import type { Kysely, Transaction } from 'kysely';
import type { ApplicationEventType, Database } from '../db/database.js';

export interface NewEvent {
  readonly applicationId: string;
  readonly at: Date;
  readonly actorAccountId: string;
  readonly type: ApplicationEventType;
  /** The association that decided (review, approve, return); null for the member's own acts. */
  readonly associationId: string | null;
  readonly detail: Readonly<Record<string, unknown>>;
}

/** Appends to the audit trail. Events are never updated or deleted. */
export async function appendEvent(db: Kysely<Database> | Transaction<Database>, event: NewEvent): Promise<void> {
  await db
    .insertInto('application_events')
    .values({
      application_id: event.applicationId,
      at: event.at,
      actor_account_id: event.actorAccountId,
      type: event.type,
      association_id: event.associationId,
      detail: JSON.stringify(event.detail),
    })
    .execute();
}
