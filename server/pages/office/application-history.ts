import type { Kysely } from 'kysely';
import type { ApplicationEventType, Database } from '../../db/database.js';

/** One line of an application's audit trail, as the office reads it. */
export interface HistoryLine {
  readonly at: Date;
  readonly type: ApplicationEventType;
  /** The association that decided; null for the member's own acts. */
  readonly associationName: string | null;
  /** The member's name or the office's association. */
  readonly actor: string;
  readonly comment: string | null;
}

/** Every event of an application, oldest first, with who acted. Read-only; events never change. */
export async function applicationHistory(db: Kysely<Database>, applicationId: string): Promise<HistoryLine[]> {
  const rows = await db
    .selectFrom('application_events as e')
    .innerJoin('accounts as a', 'a.id', 'e.actor_account_id')
    .leftJoin('members as m', 'm.id', 'a.member_id')
    .leftJoin('associations as actor_association', 'actor_association.id', 'a.association_id')
    .leftJoin('associations as decided', 'decided.id', 'e.association_id')
    .select([
      'e.at',
      'e.type',
      'e.detail',
      'a.login',
      'a.role',
      'm.name as member_name',
      'actor_association.name as office_name',
      'decided.name as association_name',
    ])
    .where('e.application_id', '=', applicationId)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
  return rows.map((row) => {
    const detail = (row.detail ?? {}) as { comment?: unknown };
    return {
      at: row.at,
      type: row.type,
      associationName: row.association_name,
      actor:
        row.role === 'member' && row.member_name
          ? `${row.member_name}（会員）`
          : row.office_name
            ? `${row.office_name} 事務局`
            : row.login,
      comment: typeof detail.comment === 'string' ? detail.comment : null,
    };
  });
}

/** What each event is called on the office's page. */
export const EVENT_LABELS: Readonly<Record<ApplicationEventType, string>> = {
  submitted: '申請',
  edited: '修正',
  withdrawn: '削除（取下げ）',
  'in-review': '申請中にする',
  approved: '承認',
  returned: '差戻し',
};
