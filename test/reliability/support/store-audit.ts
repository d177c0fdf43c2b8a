import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../server/db/database.js';

/** What one application left in the database: it must be all of it or none of it. */
export interface StoredApplication {
  readonly id: string;
  readonly memberId: string;
  readonly groupKey: string;
  readonly idempotencyKey: string | null;
  readonly targets: number;
  readonly submittedEvents: number;
  readonly submittedMails: number;
}

/** The applications of the members whose ids start with `prefix`, with the count of each part. */
export async function storedApplications(db: Kysely<Database>, prefix: string): Promise<StoredApplication[]> {
  const { rows } = await sql<{
    id: string;
    member_id: string;
    group_key: string;
    idempotency_key: string | null;
    targets: string | number;
    events: string | number;
    mails: string | number;
  }>`
    select a.id, a.member_id, a.group_key, a.idempotency_key,
      coalesce(t.n, 0) as targets, coalesce(e.n, 0) as events, coalesce(m.n, 0) as mails
    from applications a
    left join (select application_id, count(*) as n from application_targets group by application_id) t
      on t.application_id = a.id
    left join (select application_id, count(*) as n from application_events where type = 'submitted'
      group by application_id) e on e.application_id = a.id
    left join (select application_id, count(*) as n from mail_outbox where event = 'submitted'
      group by application_id) m on m.application_id = a.id
    where a.member_id like ${`${prefix}-%`}`.execute(db);
  return rows.map((row) => ({
    id: row.id,
    memberId: row.member_id,
    groupKey: row.group_key,
    idempotencyKey: row.idempotency_key,
    targets: Number(row.targets),
    submittedEvents: Number(row.events),
    submittedMails: Number(row.mails),
  }));
}

/** Rows that belong to no application: what a half-done write would leave. */
export async function orphanRows(db: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ n: string | number }>`
    select
      (select count(*) from mail_outbox m where m.application_id is not null
         and not exists (select 1 from applications a where a.id = m.application_id))
      + (select count(*) from application_targets t
         where not exists (select 1 from applications a where a.id = t.application_id))
      + (select count(*) from application_events e
         where not exists (select 1 from applications a where a.id = e.application_id)) as n`.execute(db);
  return Number(rows[0]!.n);
}

export interface OutboxRow {
  readonly id: string;
  readonly status: string;
  readonly attempts: number;
  readonly createdAt: Date;
  readonly nextAttemptAt: Date;
  readonly lastError: string | null;
}

/** The outbox rows of the members whose ids start with `prefix`, with their status. */
export async function outboxOf(db: Kysely<Database>, prefix: string): Promise<OutboxRow[]> {
  const rows = await db
    .selectFrom('mail_outbox')
    .innerJoin('applications', 'applications.id', 'mail_outbox.application_id')
    .select([
      'mail_outbox.id',
      'mail_outbox.status',
      'mail_outbox.attempts',
      'mail_outbox.created_at',
      'mail_outbox.next_attempt_at',
      'mail_outbox.last_error',
    ])
    .where('applications.member_id', 'like', `${prefix}-%`)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    status: row.status,
    attempts: row.attempts,
    createdAt: row.created_at,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
  }));
}
