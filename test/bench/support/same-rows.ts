import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../server/db/database.js';

/**
 * The rows one accepted withdrawal writes, copied from one the server stored in this run: the
 * application, its targets, the 'submitted' event and its mails in the outbox. The database's
 * own rate is measured by inserting exactly these, so the comparison is like for like.
 */
export interface SampleRows {
  readonly data: string;
  readonly confirmView: string;
  readonly facility: string;
  readonly eventDetail: string;
  readonly targets: readonly string[];
  readonly mails: readonly {
    readonly event: string;
    readonly template: string;
    readonly toAddress: string;
    readonly locale: string;
    readonly subject: string;
    readonly textBody: string;
    readonly htmlBody: string;
  }[];
}

/** The rows of the newest stored application. */
export async function sampleRows(db: Kysely<Database>): Promise<SampleRows> {
  const application = await db
    .selectFrom('applications')
    .select(['id', 'data', 'confirm_view', 'facility'])
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!application) {
    throw new Error('The load stored no application: every submission was refused, so there is nothing to compare');
  }
  const [targets, event, mails] = await Promise.all([
    db
      .selectFrom('application_targets')
      .select('association_id')
      .where('application_id', '=', application.id)
      .execute(),
    db
      .selectFrom('application_events')
      .select('detail')
      .where('application_id', '=', application.id)
      .executeTakeFirstOrThrow(),
    db.selectFrom('mail_outbox').selectAll().where('application_id', '=', application.id).execute(),
  ]);
  return {
    data: JSON.stringify(application.data),
    confirmView: JSON.stringify(application.confirm_view),
    facility: JSON.stringify(application.facility),
    eventDetail: JSON.stringify(event.detail),
    targets: targets.map((target) => target.association_id),
    mails: mails.map((mail) => ({
      event: mail.event,
      template: mail.template,
      toAddress: mail.to_address,
      locale: mail.locale,
      subject: mail.subject,
      textBody: mail.text_body,
      htmlBody: mail.html_body,
    })),
  };
}

/**
 * One SQL statement (hence one transaction) inserting the sample's rows for member
 * `memberExpression` (SQL text, e.g. `'bench-m-' || :m` for pgbench). Texts travel as base64,
 * so that nothing in them can read as a pgbench variable or end a quote. The mails are pending,
 * as the server's are, but due only in a year: the server's mail worker shares the database,
 * and sending the peer's mails would load the server with work no submission of its caused.
 */
export function sameRowsStatement(rows: SampleRows, memberExpression: string): string {
  const text = (value: string) => `convert_from(decode('${Buffer.from(value).toString('base64')}', 'base64'), 'UTF8')`;
  const targets = rows.targets.map((id) => `(${text(id)})`).join(', ');
  const mails = rows.mails
    .map((mail) =>
      [mail.event, mail.template, mail.toAddress, mail.locale, mail.subject, mail.textBody, mail.htmlBody]
        .map(text)
        .join(', '),
    )
    .map((values) => `(${values})`)
    .join(', ');
  return `with application as (
  insert into applications (id, form_id, form_version, member_id, group_key, idempotency_key, data, confirm_view, facility, status, created_at, updated_at)
  values (gen_random_uuid()::text, 'withdrawal', 1, ${memberExpression}, gen_random_uuid()::text, gen_random_uuid()::text,
          ${text(rows.data)}::jsonb, ${text(rows.confirmView)}::jsonb, ${text(rows.facility)}::jsonb, 'open', now(), now())
  returning id
), targets as (
  insert into application_targets (application_id, association_id, role, status)
  select application.id, t.id, 'leave', 'submitted' from application, (values ${targets}) as t(id)
), event as (
  insert into application_events (application_id, at, actor_account_id, type, detail)
  select application.id, now(), 'bench', 'submitted', ${text(rows.eventDetail)}::jsonb from application
)
insert into mail_outbox (id, application_id, event, template, to_address, locale, subject, text_body, html_body, status, next_attempt_at, created_at)
select gen_random_uuid()::text, application.id, m.event, m.template, m.to_address, m.locale, m.subject, m.text_body, m.html_body, 'pending', now() + interval '1 year', now()
from application, (values ${mails}) as m(event, template, to_address, locale, subject, text_body, html_body);
`;
}

/** Runs the statement once for a given member (the embedded database's own loop). */
export function sameRowsQuery(rows: SampleRows, memberId: string) {
  return sql.raw(sameRowsStatement(rows, `'${memberId.replaceAll("'", "''")}'`));
}
