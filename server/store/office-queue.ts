import { type Kysely, sql } from 'kysely';
import type { Localized } from '../../engine/index.js';
import type { Database, TargetStatus } from '../db/database.js';
import { ReusableQuery } from '../db/reusable-query.js';
import { BadRequestError } from '../errors/app-errors.js';
import { hasUnsafeCharacters } from '../runtime/safe-text.js';
import { type OfficeApplicationSummary, toTargetView } from './application-view.js';

export interface OfficeQueueQuery {
  readonly associationId: string;
  /** Only applications whose target for this association has this status. */
  readonly status: TargetStatus | undefined;
  readonly cursor: string | undefined;
  readonly limit: number;
}

export interface OfficeQueuePage {
  readonly applications: OfficeApplicationSummary[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  readonly nextCursor: string | null;
}

/**
 * One page of the applications addressed to an association, newest first, as summaries. Keyset
 * pagination on (created_at, id): a page never repeats or skips rows when new applications
 * arrive meanwhile, and costs the same on page 1 and page 100. One query: the page of the
 * office's targets in the order of its index (application_targets_queue…), then each joined by
 * primary key to its application, member and association, so a page reads its own rows however
 * many applications the association has.
 *
 * The page is a subquery with the page size written into the SQL, not a parameter, so that
 * PostgreSQL can keep one plan for the statement (the server prepares it once per connection).
 * With the limit as a parameter, or the joins outside a limited subquery, its generic plan costs
 * more than the one planned for each call, and from about a million stored applications on it
 * planned every call again: 0.3–0.6 ms of CPU per request, more than the query itself.
 * Kysely builds each variant of the query once (see ReusableQuery): a filter, a cursor and the
 * page size make the variants, of which there are at most 400.
 */
export async function officeQueue(db: Kysely<Database>, query: OfficeQueueQuery): Promise<OfficeQueuePage> {
  if (!Number.isSafeInteger(query.limit) || query.limit < 1) throw new RangeError(`Not a page size: ${query.limit}`);
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  const values = {
    associationId: query.associationId,
    status: query.status ?? null,
    afterCreatedAt: after?.createdAt ?? null,
    afterId: after?.id ?? null,
  };
  const shape = { status: query.status !== undefined, cursor: after !== undefined, limit: query.limit };
  const rows = await OFFICE_PAGE.execute(db, values, shape);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    applications: page.map((row) => ({
      id: row.id,
      formId: row.form_id,
      formVersion: row.form_version,
      formTitle: row.form_title,
      status: row.status,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      facility: row.facility,
      member: { name: row.member_name, registrationNumber: row.registration_number },
      target: toTargetView({
        application_id: row.id,
        association_id: row.association_id,
        role: row.role,
        status: row.target_status,
        comment: row.comment,
        name: row.name,
        name_en: row.name_en,
        layer: row.layer,
      }),
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.created_at, last.id) : null,
  };
}

interface OfficePageValues {
  readonly associationId: string;
  readonly status: TargetStatus | null;
  readonly afterCreatedAt: Date | null;
  readonly afterId: string | null;
}

interface OfficePageShape {
  readonly status: boolean;
  readonly cursor: boolean;
  readonly limit: number;
}

/** The page's query, one SQL text per shape: with or without the status filter and the cursor, per page size. */
function officePageQuery(db: Kysely<Database>, values: OfficePageValues, shape: OfficePageShape) {
  let targets = db
    .selectFrom('application_targets')
    .select(['application_id', 'application_created_at', 'association_id', 'role', 'status', 'comment'])
    .where('association_id', '=', values.associationId);
  if (shape.status) targets = targets.where('status', '=', values.status!);
  if (shape.cursor) {
    targets = targets.where(
      sql<boolean>`(application_created_at, application_id) < (${values.afterCreatedAt}, ${values.afterId})`,
    );
  }
  return db
    .selectFrom(
      targets
        .orderBy('application_created_at', 'desc')
        .orderBy('application_id', 'desc')
        .limit(sql.lit(shape.limit + 1))
        .as('target'),
    )
    .innerJoin('applications as application', 'application.id', 'target.application_id')
    .innerJoin('members as member', 'member.id', 'application.member_id')
    .innerJoin('associations as association', 'association.id', 'target.association_id')
    .select([
      'target.application_id as id',
      'target.application_created_at as created_at',
      'target.association_id',
      'target.role',
      'target.status as target_status',
      'target.comment',
      'application.form_id',
      'application.form_version',
      'application.status',
      'application.updated_at',
      'application.facility',
      sql<Localized>`application.confirm_view -> 'title'`.as('form_title'),
      'member.name as member_name',
      'member.registration_number',
      'association.name',
      'association.name_en',
      'association.layer',
    ])
    .orderBy('target.application_created_at', 'desc')
    .orderBy('target.application_id', 'desc');
}

const OFFICE_PAGE = new ReusableQuery('office page', officePageQuery);

function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(JSON.stringify([createdAt.toISOString(), id])).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    const date = new Date(String(createdAt));
    // Only what encodeCursor writes: a crafted one with a NUL in the id, or a year PostgreSQL
    // cannot hold, would otherwise reach the query and fail there (a 500).
    const year = date.getUTCFullYear();
    if (typeof id === 'string' && id.length <= 200 && !hasUnsafeCharacters(id) && year >= 2000 && year <= 9999) {
      return { createdAt: date, id };
    }
  } catch {
    // Falls through to the error below.
  }
  throw new BadRequestError('invalid_request', { ja: 'cursor の値が正しくありません', en: 'The cursor is not valid' });
}
