import { type Kysely, type Migration, sql } from 'kysely';

/**
 * A stored form definition is a document, not data to query: `json` keeps it as written, while
 * `jsonb` reorders object keys (the order of a radio field's options, of the schema's
 * properties), so an old version served from the database would render differently.
 */
export const definitionAsJson: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table form_versions alter column definition type json using definition::json`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`alter table form_versions alter column definition type jsonb using definition::jsonb`.execute(db);
  },
};
