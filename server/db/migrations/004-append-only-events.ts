import { type Kysely, type Migration, sql } from 'kysely';

/**
 * The event log is the record of who changed what and when: the database itself refuses to
 * change or delete an event, so neither a bug nor a hand-written query can rewrite history.
 * (TRUNCATE, which only an operator clearing a whole test database uses, stays possible.)
 */
export const appendOnlyEvents: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create function application_events_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'application_events is append-only: % refused', tg_op
          using errcode = 'restrict_violation';
      end
    $$`.execute(db);
    await sql`create trigger application_events_append_only before update or delete on application_events
      for each row execute function application_events_append_only()`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop trigger application_events_append_only on application_events`.execute(db);
    await sql`drop function application_events_append_only()`.execute(db);
  },
};
