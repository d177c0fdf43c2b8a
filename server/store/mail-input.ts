import type { Kysely, Transaction } from 'kysely';
import type { ConfirmView, MailEvent, RuntimeForm } from '../../engine/index.js';
import type { Database, TargetRole, TargetStatus } from '../db/database.js';
import { isLocale } from '../http/request-locale.js';
import type { ApplicationMailInput } from '../mail/application-mail.js';
import type { Submitter } from './submitter.js';

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
 * Who a new application's mail names, read before the application is written: its mail is
 * rendered first, so that it goes into the same statement. The submitter's own associations
 * are known already; only the others an application names (those an enrollment joins) are read.
 */
export async function readMailParties(
  db: Kysely<Database>,
  submitter: Submitter,
  associationIds: readonly string[],
): Promise<MailParties> {
  const unknown = associationIds.filter((id) => !submitter.associations.has(id));
  if (unknown.length === 0) return submitter;
  const rows = await db
    .selectFrom('associations')
    .select(['id', 'name', 'name_en', 'layer', 'office_email'])
    .where('id', 'in', unknown)
    .execute();
  const associations = new Map(submitter.associations);
  for (const row of rows) {
    associations.set(row.id, {
      name: row.name,
      name_en: row.name_en,
      layer: row.layer,
      office_email: row.office_email,
    });
  }
  return { member: submitter.member, associations };
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
