import { type Kysely, type Migration, sql } from 'kysely';

/** Every table of the first release. Migrations are `{ up, down }` objects run by Kysely's Migrator. */
export const initial: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('associations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('layer', 'smallint', (c) => c.notNull().check(sql`layer in (1, 2, 3)`))
      .addColumn('parent_id', 'text', (c) => c.references('associations.id'))
      .addColumn('office_email', 'text', (c) => c.notNull())
      .addColumn('prefecture_code', 'smallint')
      .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();

    await db.schema
      .createTable('members')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('registration_number', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_kana', 'text', (c) => c.notNull())
      .addColumn('birth_date', 'date', (c) => c.notNull())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('locale', 'text', (c) => c.notNull().defaultTo('ja'))
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();

    await db.schema
      .createTable('accounts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('login', 'text', (c) => c.notNull().unique())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('member', 'office', 'staff')`))
      .addColumn('member_id', 'text', (c) => c.references('members.id'))
      .addColumn('association_id', 'text', (c) => c.references('associations.id'))
      .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('locked_until', 'timestamptz')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();

    await db.schema
      .createTable('sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('groups')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
      .addColumn('facility_name', 'text', (c) => c.notNull())
      .addColumn('facility_name_en', 'text', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
    await db.schema.createIndex('groups_member').on('groups').column('member_id').execute();

    await db.schema
      .createTable('memberships')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
      .addColumn('association_id', 'text', (c) => c.notNull().references('associations.id'))
      .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id'))
      .addColumn('started_on', 'date', (c) => c.notNull())
      .addColumn('ended_on', 'date')
      .addColumn('start_application_id', 'text')
      .addColumn('end_application_id', 'text')
      .execute();
    await db.schema.createIndex('memberships_member').on('memberships').columns(['member_id', 'group_id']).execute();

    await db.schema
      .createTable('form_versions')
      .addColumn('form_id', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addColumn('definition', 'jsonb', (c) => c.notNull())
      .addColumn('published_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('published_by', 'text')
      .addPrimaryKeyConstraint('form_versions_pk', ['form_id', 'version'])
      .execute();

    await db.schema
      .createTable('applications')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('form_id', 'text', (c) => c.notNull())
      .addColumn('form_version', 'integer', (c) => c.notNull())
      .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
      .addColumn('group_key', 'text', (c) => c.notNull())
      .addColumn('data', 'jsonb', (c) => c.notNull())
      .addColumn('confirm_view', 'jsonb', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'complete', 'withdrawn')`))
      .addColumn('idempotency_key', 'text')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addForeignKeyConstraint('applications_form_version', ['form_id', 'form_version'], 'form_versions', [
        'form_id',
        'version',
      ])
      .execute();
    // One open application of a kind per member and group, even under concurrent submits.
    await sql`create unique index applications_one_open on applications (member_id, form_id, group_key) where status = 'open'`.execute(
      db,
    );
    // The same Idempotency-Key from the same member always names the same application.
    await sql`create unique index applications_idempotency on applications (member_id, idempotency_key) where idempotency_key is not null`.execute(
      db,
    );
    await db.schema
      .createIndex('applications_member')
      .on('applications')
      .columns(['member_id', 'created_at'])
      .execute();

    await db.schema
      .createTable('application_targets')
      .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
      .addColumn('association_id', 'text', (c) => c.notNull().references('associations.id'))
      .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('leave', 'join')`))
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sql`status in ('submitted', 'in_review', 'approved', 'returned', 'withdrawn')`),
      )
      .addColumn('comment', 'text')
      .addColumn('decided_at', 'timestamptz')
      .addColumn('decided_by', 'text')
      .addPrimaryKeyConstraint('application_targets_pk', ['application_id', 'association_id'])
      .execute();
    // The office queue: this association's targets, newest first, filtered by status.
    await db.schema
      .createIndex('application_targets_office')
      .on('application_targets')
      .columns(['association_id', 'status', 'application_id'])
      .execute();

    await db.schema
      .createTable('application_events')
      .addColumn('id', 'bigserial', (c) => c.primaryKey())
      .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
      .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('actor_account_id', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('association_id', 'text')
      .addColumn('detail', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
      .execute();
    await db.schema
      .createIndex('application_events_application')
      .on('application_events')
      .column('application_id')
      .execute();

    await db.schema
      .createTable('drafts')
      .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
      .addColumn('form_id', 'text', (c) => c.notNull())
      .addColumn('form_version', 'integer', (c) => c.notNull())
      .addColumn('step_id', 'text', (c) => c.notNull())
      .addColumn('data', 'jsonb', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addPrimaryKeyConstraint('drafts_pk', ['member_id', 'form_id'])
      .execute();

    await db.schema
      .createTable('mail_outbox')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('application_id', 'text')
      .addColumn('event', 'text', (c) => c.notNull())
      .addColumn('template', 'text', (c) => c.notNull())
      .addColumn('to_address', 'text', (c) => c.notNull())
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('text_body', 'text', (c) => c.notNull())
      .addColumn('html_body', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'sent', 'dead')`))
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('sent_at', 'timestamptz')
      .execute();
    await sql`create index mail_outbox_due on mail_outbox (next_attempt_at) where status = 'pending'`.execute(db);

    await db.schema
      .createTable('mail_attempts')
      .addColumn('id', 'bigserial', (c) => c.primaryKey())
      .addColumn('mail_id', 'text', (c) => c.notNull().references('mail_outbox.id'))
      .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('ok', 'boolean', (c) => c.notNull())
      .addColumn('error', 'text')
      .execute();
  },

  async down(db: Kysely<unknown>) {
    for (const table of [
      'mail_attempts',
      'mail_outbox',
      'drafts',
      'application_events',
      'application_targets',
      'applications',
      'form_versions',
      'memberships',
      'groups',
      'sessions',
      'accounts',
      'members',
      'associations',
    ]) {
      await db.schema.dropTable(table).execute();
    }
  },
};
