import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { NotFoundError } from '../errors/app-errors.js';
import {
  type ApplicationRecord,
  type ApplicationView,
  type OfficeApplicationView,
  type TargetRecord,
  toApplicationView,
} from './application-view.js';

const APPLICATION_COLUMNS = [
  'applications.id',
  'applications.form_id',
  'applications.form_version',
  'applications.member_id',
  'applications.data',
  'applications.confirm_view',
  'applications.facility',
  'applications.status',
  'applications.created_at',
  'applications.updated_at',
] as const;

/** The views of the given applications, in the order of `ids`. */
export async function loadApplicationViews(db: Kysely<Database>, ids: readonly string[]): Promise<ApplicationView[]> {
  if (ids.length === 0) return [];
  const [applications, targets] = await Promise.all([
    db.selectFrom('applications').select(APPLICATION_COLUMNS).where('applications.id', 'in', ids).execute(),
    loadTargets(db, ids),
  ]);
  const byId = new Map(applications.map((application) => [application.id, application]));
  const views: ApplicationView[] = [];
  for (const id of ids) {
    const application = byId.get(id);
    if (!application) continue;
    views.push(toApplicationView(application as ApplicationRecord, targets.get(id) ?? []));
  }
  return views;
}

/** Every application of a member, newest first. */
export async function memberApplicationViews(db: Kysely<Database>, memberId: string): Promise<ApplicationView[]> {
  const rows = await db
    .selectFrom('applications')
    .select('id')
    .where('member_id', '=', memberId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return loadApplicationViews(
    db,
    rows.map((row) => row.id),
  );
}

/** One application of this member; someone else's is as unknown as a made-up id. */
export async function memberApplicationView(
  db: Kysely<Database>,
  memberId: string,
  id: string,
): Promise<ApplicationView> {
  const owned = await db
    .selectFrom('applications')
    .select('id')
    .where('id', '=', id)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  const [view] = owned ? await loadApplicationViews(db, [owned.id]) : [];
  if (!view) throw new NotFoundError();
  return view;
}

/** The office views of applications that target this association, in the order of `ids`. */
export async function officeApplicationViews(
  db: Kysely<Database>,
  associationId: string,
  ids: readonly string[],
): Promise<OfficeApplicationView[]> {
  if (ids.length === 0) return [];
  const [views, members] = await Promise.all([
    loadApplicationViews(db, ids),
    db
      .selectFrom('applications')
      .innerJoin('members', 'members.id', 'applications.member_id')
      .select(['applications.id', 'members.name', 'members.registration_number'])
      .where('applications.id', 'in', ids)
      .execute(),
  ]);
  const memberOf = new Map(members.map((row) => [row.id, row]));
  const result: OfficeApplicationView[] = [];
  for (const view of views) {
    const target = view.targets.find((candidate) => candidate.associationId === associationId);
    const member = memberOf.get(view.id);
    if (!target || !member) continue;
    result.push({ ...view, member: { name: member.name, registrationNumber: member.registration_number }, target });
  }
  return result;
}

/** One application as this office sees it; 404 unless it targets the office's association. */
export async function officeApplicationView(
  db: Kysely<Database>,
  associationId: string,
  id: string,
): Promise<OfficeApplicationView> {
  const [view] = await officeApplicationViews(db, associationId, [id]);
  if (!view) throw new NotFoundError();
  return view;
}

async function loadTargets(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, TargetRecord[]>> {
  const rows = await db
    .selectFrom('application_targets')
    .innerJoin('associations', 'associations.id', 'application_targets.association_id')
    .select([
      'application_targets.application_id',
      'application_targets.association_id',
      'application_targets.role',
      'application_targets.status',
      'application_targets.comment',
      'associations.name',
      'associations.name_en',
      'associations.layer',
    ])
    .where('application_targets.application_id', 'in', ids)
    .execute();
  const targets = new Map<string, TargetRecord[]>();
  for (const row of rows) {
    const list = targets.get(row.application_id) ?? [];
    list.push(row);
    targets.set(row.application_id, list);
  }
  return targets;
}
