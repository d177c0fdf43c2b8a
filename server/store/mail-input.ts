import type { Transaction } from 'kysely';
import type { ConfirmView, MailEvent, RuntimeForm } from '../../engine/index.js';
import type { Database } from '../db/database.js';
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
    member: {
      name: application.name,
      registrationNumber: application.registration_number,
      email: application.email,
      locale: isLocale(application.locale) ? application.locale : 'ja',
    },
    targets: targets.map((target) => ({
      associationId: target.association_id,
      name: target.name,
      nameEn: target.name_en,
      layer: target.layer,
      officeEmail: target.office_email,
      role: target.role,
      status: target.status,
      comment: target.comment,
    })),
    ...(decision ? { decision } : {}),
  };
}
