import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Localized } from '../../engine/index.js';

/**
 * The tables, as Kysely sees them. Statuses and roles are stored as stable English codes; the
 * Japanese words (申請, 申請中, 承認, 差戻し, 取下げ) are display labels.
 */
export interface Database {
  associations: AssociationTable;
  members: MemberTable;
  accounts: AccountTable;
  sessions: SessionTable;
  groups: GroupTable;
  memberships: MembershipTable;
  form_versions: FormVersionTable;
  applications: ApplicationTable;
  application_targets: ApplicationTargetTable;
  application_events: ApplicationEventTable;
  drafts: DraftTable;
  mail_outbox: MailOutboxTable;
  mail_attempts: MailAttemptTable;
}

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/**
 * A timestamp the database fills (`default now()`) unless given. Written out, not as
 * `Generated<Timestamp>`: Kysely's Generated does not unwrap a ColumnType, so selecting such a
 * column would give the ColumnType object instead of Date.
 */
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** `date` columns travel as `YYYY-MM-DD` strings (see the dialects' type parsers). */
type DateOnly = string;

/** The 3-layer tree: 1 = 日本医師会, 2 = prefectural, 3 = city/county. */
export interface AssociationTable {
  id: string;
  name: string;
  name_en: string;
  layer: number;
  parent_id: string | null;
  office_email: string;
  /** 1–47 for prefectural associations and their children; null for the national one. */
  prefecture_code: number | null;
  sort_order: number;
}

export interface MemberTable {
  id: string;
  /** 医籍登録番号 */
  registration_number: string;
  name: string;
  name_kana: string;
  birth_date: DateOnly;
  email: string;
  locale: string;
  created_at: GeneratedTimestamp;
}

export type AccountRole = 'member' | 'office' | 'staff';

export interface AccountTable {
  id: string;
  /** 医籍登録番号 for members, an office id such as `otaru-office` for offices. */
  login: string;
  password_hash: string;
  role: AccountRole;
  member_id: string | null;
  association_id: string | null;
  failed_attempts: Generated<number>;
  locked_until: Timestamp | null;
  created_at: GeneratedTimestamp;
}

export interface SessionTable {
  /** SHA-256 of the session token; the token itself lives only in the cookie. */
  id: string;
  account_id: string;
  csrf_token: string;
  created_at: GeneratedTimestamp;
  expires_at: Timestamp;
}

/** A member's affiliation chain tied to a facility (所属施設名). */
export interface GroupTable {
  id: string;
  member_id: string;
  facility_name: string;
  facility_name_en: string;
  created_at: GeneratedTimestamp;
}

/** One row per membership period of a member in an association: the 入退会履歴. */
export interface MembershipTable {
  id: string;
  member_id: string;
  association_id: string;
  group_id: string;
  started_on: DateOnly;
  ended_on: DateOnly | null;
  /** The application whose approval started or ended it, if any. */
  start_application_id: string | null;
  end_application_id: string | null;
}

export interface FormVersionTable {
  form_id: string;
  version: number;
  /** `sha256:` + hex of the canonical JSON of the definition. */
  hash: string;
  definition: ColumnType<unknown, string, string>;
  published_at: GeneratedTimestamp;
  published_by: string | null;
}

export type ApplicationStatus = 'open' | 'complete' | 'withdrawn';

export interface ApplicationTable {
  id: string;
  form_id: string;
  form_version: number;
  member_id: string;
  /** The group the application is about (the first association-layers field's group). */
  group_key: string;
  data: ColumnType<unknown, string, string>;
  /** The engine's confirm view at submission (or last edit): what the member confirmed. */
  confirm_view: ColumnType<unknown, string, string>;
  /** The facility it is about (所属施設名, `{ ja, en }`), or null: computed when it is written. */
  facility: ColumnType<Localized | null, string | null, string | null>;
  status: ApplicationStatus;
  idempotency_key: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export type TargetStatus = 'submitted' | 'in_review' | 'approved' | 'returned' | 'withdrawn';
export type TargetRole = 'leave' | 'join';

export interface ApplicationTargetTable {
  application_id: string;
  association_id: string;
  role: TargetRole;
  status: TargetStatus;
  comment: string | null;
  decided_at: Timestamp | null;
  decided_by: string | null;
  /** Its application's `created_at`, so an office's list reads one index in order. */
  application_created_at: GeneratedTimestamp;
}

export type ApplicationEventType = 'submitted' | 'edited' | 'withdrawn' | 'in-review' | 'approved' | 'returned';

/** Append-only: every change to an application, who made it and when. */
export interface ApplicationEventTable {
  id: Generated<string>;
  application_id: string;
  at: GeneratedTimestamp;
  actor_account_id: string;
  type: ApplicationEventType;
  association_id: string | null;
  detail: ColumnType<unknown, string, string>;
}

/** A half-filled form, kept per member and form on the server so nothing stays in the browser. */
export interface DraftTable {
  member_id: string;
  form_id: string;
  form_version: number;
  step_id: string;
  data: ColumnType<unknown, string, string>;
  updated_at: GeneratedTimestamp;
}

export type MailStatus = 'pending' | 'sent' | 'dead';

/** Mail written in the same transaction as the change it reports; a worker sends it. */
export interface MailOutboxTable {
  id: string;
  application_id: string | null;
  event: string;
  template: string;
  to_address: string;
  locale: string;
  subject: string;
  text_body: string;
  html_body: string;
  status: MailStatus;
  attempts: Generated<number>;
  next_attempt_at: GeneratedTimestamp;
  last_error: string | null;
  created_at: GeneratedTimestamp;
  sent_at: Timestamp | null;
}

export interface MailAttemptTable {
  id: Generated<string>;
  mail_id: string;
  at: GeneratedTimestamp;
  ok: boolean;
  error: string | null;
}

export type Association = Selectable<AssociationTable>;
export type Member = Selectable<MemberTable>;
export type Account = Selectable<AccountTable>;
export type Application = Selectable<ApplicationTable>;
export type ApplicationTarget = Selectable<ApplicationTargetTable>;
export type NewApplication = Insertable<ApplicationTable>;
export type MailOutboxRow = Selectable<MailOutboxTable>;
export type ApplicationUpdate = Updateable<ApplicationTable>;
