import type { Kysely } from 'kysely';
import type { Locale, Localized } from '../../engine/index.js';
import type { Database } from '../db/database.js';
import { NotFoundError } from '../errors/app-errors.js';
import { isLocale } from '../http/request-locale.js';

export interface Seniority {
  readonly associationName: Localized;
  /** Whole years since the national membership started. */
  readonly years: number;
  /** As the header shows it: 日本医師会 20年以上. */
  readonly label: Localized;
}

export interface MemberProfile {
  readonly id: string;
  readonly name: string;
  /** 医籍登録番号 */
  readonly registrationNumber: string;
  readonly email: string;
  readonly locale: Locale;
  /** Null when the member has no current national membership. */
  readonly seniority: Seniority | null;
}

/** The header of マイページ: name, 医籍登録番号 and the length of the national membership. */
export async function memberProfile(db: Kysely<Database>, memberId: string, today: string): Promise<MemberProfile> {
  const member = await db
    .selectFrom('members')
    .select(['id', 'name', 'registration_number', 'email', 'locale'])
    .where('id', '=', memberId)
    .executeTakeFirst();
  if (!member) throw new NotFoundError();
  const national = await db
    .selectFrom('memberships')
    .innerJoin('associations', 'associations.id', 'memberships.association_id')
    .select(['associations.name', 'associations.name_en', 'memberships.started_on'])
    .where('memberships.member_id', '=', memberId)
    .where('associations.layer', '=', 1)
    // Still a member until the end date an approved withdrawal set.
    .where((eb) => eb.or([eb('memberships.ended_on', 'is', null), eb('memberships.ended_on', '>=', today)]))
    .where('memberships.started_on', '<=', today)
    .orderBy('memberships.started_on')
    .executeTakeFirst();
  return {
    id: member.id,
    name: member.name,
    registrationNumber: member.registration_number,
    email: member.email,
    locale: isLocale(member.locale) ? member.locale : 'ja',
    seniority: national
      ? seniority({ ja: national.name, en: national.name_en }, wholeYears(national.started_on, today))
      : null,
  };
}

/** The bands the header uses: the highest threshold reached ("20年以上"), or "1年未満". */
const BANDS = [30, 20, 10, 5, 1] as const;

export function seniority(associationName: Localized, years: number): Seniority {
  const band = BANDS.find((threshold) => years >= threshold);
  const label =
    band === undefined ? { ja: '1年未満', en: 'less than 1 year' } : { ja: `${band}年以上`, en: `${band}+ years` };
  return { associationName, years, label };
}

/** Full years from one `YYYY-MM-DD` to another, as birthdays count them. */
export function wholeYears(from: string, to: string): number {
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  return to.slice(5) < from.slice(5) ? years - 1 : years;
}

export interface HistoryEntry {
  readonly associationId: string;
  readonly name: Localized;
  readonly layer: number;
  readonly facility: Localized;
  readonly startedOn: string;
  readonly endedOn: string | null;
}

/** 医師会入退会履歴: every membership period, latest first, lowest layer first within a day. */
export async function membershipHistory(db: Kysely<Database>, memberId: string): Promise<HistoryEntry[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('associations', 'associations.id', 'memberships.association_id')
    .innerJoin('groups', 'groups.id', 'memberships.group_id')
    .select([
      'associations.id',
      'associations.name',
      'associations.name_en',
      'associations.layer',
      'groups.facility_name',
      'groups.facility_name_en',
      'memberships.started_on',
      'memberships.ended_on',
    ])
    .where('memberships.member_id', '=', memberId)
    .orderBy('memberships.started_on', 'desc')
    .orderBy('associations.layer', 'desc')
    .orderBy('memberships.id')
    .execute();
  return rows.map((row) => ({
    associationId: row.id,
    name: { ja: row.name, en: row.name_en },
    layer: row.layer,
    facility: { ja: row.facility_name, en: row.facility_name_en },
    startedOn: row.started_on,
    endedOn: row.ended_on,
  }));
}
