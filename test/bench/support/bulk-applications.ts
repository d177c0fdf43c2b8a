import { CompiledQuery, type Kysely, sql } from 'kysely';
import type { Database } from '../../../server/db/database.js';
import type { SampleRows } from './same-rows.js';
import { settleAfterLoad } from './settle-after-load.js';

/**
 * Stored applications for the growth benchmark, written with `generate_series` in batches:
 * decided withdrawals of the bench members (complete, every target approved), each with its
 * three targets (city, prefecture, 日本医師会) and its 'submitted' event, older than anything
 * filed during the bench. Their mails are left out: an outbox holds pending mail, not history.
 */
export async function addStoredApplications(
  db: Kysely<Database>,
  options: { readonly from: number; readonly to: number; readonly members: number; readonly rows: SampleRows },
): Promise<void> {
  const { rows, members } = options;
  const batch = 50_000;
  for (let from = options.from; from <= options.to; from += batch) {
    const to = Math.min(options.to, from + batch - 1);
    const range = sql`generate_series(${from}::int, ${to}::int) as i`;
    // Member m belongs to city number m % cities, as addBenchMembers assigns them.
    await sql`insert into applications (id, form_id, form_version, member_id, group_key, data, confirm_view, facility, status, created_at, updated_at)
      select 'stored-' || i, 'withdrawal', 1, 'bench-m-' || (1 + i % ${members}::int), 'bench-g-' || (1 + i % ${members}::int),
             ${rows.data}::jsonb, ${rows.confirmView}::jsonb, ${rows.facility}::jsonb, 'complete',
             timestamptz '2020-01-01' + i * interval '1 second', timestamptz '2020-01-01' + i * interval '1 second'
      from ${range}`.execute(db);
    await sql`insert into application_targets (application_id, association_id, role, status, decided_at, decided_by, application_created_at)
      select 'stored-' || i, m.association_id, 'leave', 'approved', timestamptz '2020-06-01', 'bench',
             timestamptz '2020-01-01' + i * interval '1 second'
      from ${range}
      join memberships m on m.member_id = 'bench-m-' || (1 + i % ${members}::int)`.execute(db);
    await sql`insert into application_events (application_id, at, actor_account_id, type, detail)
      select 'stored-' || i, timestamptz '2020-01-01' + i * interval '1 second', 'bench', 'submitted', ${rows.eventDetail}::jsonb
      from ${range}`.execute(db);
  }
  await settleAfterLoad(db);
}

/** `EXPLAIN (ANALYZE, BUFFERS)` of a compiled Kysely query, as lines. */
export async function explainAnalyze(
  db: Kysely<Database>,
  query: { readonly sql: string; readonly parameters: readonly unknown[] },
): Promise<string[]> {
  const result = await db.executeQuery<{ 'QUERY PLAN': string }>(
    CompiledQuery.raw(`explain (analyze, buffers, costs off) ${query.sql}`, [...query.parameters]),
  );
  return result.rows.map((row) => row['QUERY PLAN']);
}
