import { type Kysely, sql } from 'kysely';
import type { Database, TargetStatus } from '../db/database.js';
import { BadRequestError } from '../errors/app-errors.js';
import { hasUnsafeCharacters } from '../runtime/safe-text.js';

export interface OfficeQueueQuery {
  readonly associationId: string;
  /** Only applications whose target for this association has this status. */
  readonly status: TargetStatus | undefined;
  readonly cursor: string | undefined;
  readonly limit: number;
}

export interface OfficeQueuePage {
  readonly ids: string[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  readonly nextCursor: string | null;
}

/**
 * One page of the applications addressed to an association, newest first. Keyset pagination on
 * (created_at, id): a page never repeats or skips rows when new applications arrive meanwhile,
 * and costs the same on page 1 and page 100.
 */
export async function officeQueue(db: Kysely<Database>, query: OfficeQueueQuery): Promise<OfficeQueuePage> {
  // The targets alone, in the order of the index per office (application_targets_queue…): a
  // page reads its own rows, however many applications the association has.
  let select = db
    .selectFrom('application_targets')
    .select(['application_id as id', 'application_created_at as created_at'])
    .where('association_id', '=', query.associationId);
  if (query.status) select = select.where('status', '=', query.status);
  if (query.cursor !== undefined) {
    const after = decodeCursor(query.cursor);
    select = select.where(sql<boolean>`(application_created_at, application_id) < (${after.createdAt}, ${after.id})`);
  }
  const rows = await select
    .orderBy('application_created_at', 'desc')
    .orderBy('application_id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    ids: page.map((row) => row.id),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.created_at, last.id) : null,
  };
}

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
