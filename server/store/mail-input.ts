import { type Kysely, sql, type Transaction } from 'kysely';
import type { ConfirmView, MailEvent, RuntimeForm } from '../../engine/index.js';
import type { Database, TargetRole, TargetStatus } from '../db/database.js';
import { isLocale } from '../http/request-locale.js';
import type { ApplicationMailInput } from '../mail/application-mail.js';

/**
 * What the mailer needs about an application, read inside the transaction that changed it, so
 * the mail describes exactly the state being committed.
 */
export async function applicationMailInput(
  trx: Transaction<Database>,
  event: MailEvent,
  form: RuntimeForm,
  applicationId: string,
  decision?: ApplicationMailInput['decision'],
): Promise<ApplicationMailInput> {
  const application = await trx
    .selectFrom('applications')
    .innerJoin('members', 'members.id', 'applications.member_id')
    .select([
      'applications.id',
      'applications.form_id',
      'applications.form_version',
      'applications.created_at',
      'applications.confirm_view',
      'members.name',
      'members.registration_number',
      'members.email',
      'members.locale',
    ])
    .where('applications.id', '=', applicationId)
    .executeTakeFirstOrThrow();
  const targets = await trx
    .selectFrom('application_targets')
    .innerJoin('associations', 'associations.id', 'application_targets.association_id')
    .select([
      'application_targets.association_id',
      'application_targets.role',
      'application_targets.status',
      'application_targets.comment',
      'associations.name',
      'associations.name_en',
      'associations.layer',
      'associations.office_email',
    ])
    .where('application_targets.application_id', '=', applicationId)
    .orderBy('associations.layer', 'desc')
    .execute();
  return {
    event,
    form,
    application: {
      id: application.id,
      formId: application.form_id,
      formVersion: application.form_version,
      createdAt: application.created_at,
    },
    confirmView: application.confirm_view as ConfirmView,
    member: mailMember(application),
    targets: targets.map(mailTarget),
    ...(decision ? { decision } : {}),
  };
}

/** Who a new application's mail names: its member, and each target association with its office. */
export interface MailParties {
  readonly member: ApplicationMailInput['member'];
  readonly associations: ReadonlyMap<
    string,
    { readonly name: string; readonly name_en: string; readonly layer: number; readonly office_email: string }
  >;
}

/**
 * The member and the associations a new application will name, in one query, read before the
 * application is written: its mail is rendered first, so that it goes into the same statement.
 */
export async function readMailParties(
  db: Kysely<Database>,
  memberId: string,
  associationIds: readonly string[],
): Promise<MailParties> {
  const rows = await db
    .selectFrom('members')
    .leftJoin('associations', (join) =>
      associationIds.length > 0 ? join.on('associations.id', 'in', associationIds) : join.on(sql<boolean>`false`),
    )
    .select([
      'members.name as member_name',
      'members.registration_number',
      'members.email',
      'members.locale',
      'associations.id',
      'associations.name',
      'associations.name_en',
      'associations.layer',
      'associations.office_email',
    ])
    .where('members.id', '=', memberId)
    .execute();
  const [first] = rows;
  if (!first) throw new Error(`Member ${memberId} does not exist`);
  const associations = new Map<string, { name: string; name_en: string; layer: number; office_email: string }>();
  for (const row of rows) {
    if (row.id === null) continue;
    associations.set(row.id, {
      name: row.name ?? '',
      name_en: row.name_en ?? '',
      layer: Number(row.layer),
      office_email: row.office_email ?? '',
    });
  }
  const member = mailMember({
    name: first.member_name,
    registration_number: first.registration_number,
    email: first.email,
    locale: first.locale,
  });
  return { member, associations };
}

/** The member as the mail names them, from their row: an unknown locale reads as Japanese. */
export function mailMember(row: {
  readonly name: string;
  readonly registration_number: string;
  readonly email: string;
  readonly locale: string;
}): ApplicationMailInput['member'] {
  return {
    name: row.name,
    registrationNumber: row.registration_number,
    email: row.email,
    locale: isLocale(row.locale) ? row.locale : 'ja',
  };
}

/** A target as the mail lists it, from its row joined with its association. */
export function mailTarget(row: {
  readonly association_id: string;
  readonly name: string;
  readonly name_en: string;
  readonly layer: number;
  readonly office_email: string;
  readonly role: TargetRole;
  readonly status: TargetStatus;
  readonly comment: string | null;
}): ApplicationMailInput['targets'][number] {
  return {
    associationId: row.association_id,
    name: row.name,
    nameEn: row.name_en,
    layer: row.layer,
    officeEmail: row.office_email,
    role: row.role,
    status: row.status,
    comment: row.comment,
  };
}
