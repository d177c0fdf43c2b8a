import { type Kysely, type Migration, sql } from 'kysely';

/**
 * The facility an application is about (所属施設名), kept beside it as `{ ja, en }` or null. An
 * office's list shows it for every row; derived on every read, it cost each row its whole data
 * and confirm view. It is computed once, when the application is written (see
 * `applicationFacility`). Existing rows get it by the same rule: the facility of the confirm
 * view's targets row, else the text of the field the form's `workflow.facility` names.
 */
export const applicationFacility: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table applications add column facility jsonb`.execute(db);
    await sql`update applications as a set facility = coalesce(
        jsonb_path_query_first(a.confirm_view, '$.sections[*].rows[*] ? (@.kind == "targets" && @.facility != null).facility'),
        (select jsonb_build_object('ja', typed.value, 'en', typed.value)
           from form_versions as v,
                lateral (select a.data ->> (v.definition::jsonb #>> '{workflow,facility}') as value) as typed
          where v.form_id = a.form_id and v.version = a.form_version and typed.value <> ''))`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`alter table applications drop column facility`.execute(db);
  },
};
