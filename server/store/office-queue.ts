import { type Kysely, sql } from 'kysely';
import type { Database, TargetStatus } from '../db/database.js';
import { BadRequestError } from '../errors/app-errors.js';

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
  let select = db
    .selectFrom('applications')
    .innerJoin('application_targets', 'application_targets.application_id', 'applications.id')
    .select(['applications.id', 'applications.created_at'])
    .where('application_targets.association_id', '=', query.associationId);
  if (query.status) select = select.where('application_targets.status', '=', query.status);
  if (query.cursor !== undefined) {
    const after = decodeCursor(query.cursor);
    select = select.where(sql<boolean>`(applications.created_at, applications.id) < (${after.createdAt}, ${after.id})`);
  }
  const rows = await select
    .orderBy('applications.created_at', 'desc')
    .orderBy('applications.id', 'desc')
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
    if (typeof id === 'string' && !Number.isNaN(date.getTime())) return { createdAt: date, id };
  } catch {
    // Falls through to the error below.
  }
  throw new BadRequestError('invalid_request', { ja: 'cursor の値が正しくありません', en: 'The cursor is not valid' });
}
