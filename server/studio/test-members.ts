import type { Kysely } from 'kysely';
import { type ResolvedSources, SOURCE_CATALOG } from '../../engine/index.js';
import { SAMPLE_SOURCES } from '../cli/sample-sources.js';
import type { Database } from '../db/database.js';
import { resolveSources } from '../sources/resolve-sources.js';

/** The sample member the examples in `forms/<id>/examples/` are written for (no database row). */
export const SAMPLE_MEMBER = 'sample';
/** The demo seed's member (日医 太郎), the studio's default test member when the database has him. */
export const DEMO_MEMBER = '123456';

/** Whom the preview fills the form as: their groups and the associations open to them. */
export interface TestMember {
  /** `sample`, or the member's 医籍登録番号. */
  readonly id: string;
  readonly name: string;
  readonly sources: ResolvedSources;
}

/**
 * The sources of a test member: the sample member's fixed ones, or a member's from the
 * database, resolved for every source a definition may name (a draft may add one). Undefined
 * when no member has that registration number.
 */
export async function testMember(db: Kysely<Database>, id: string): Promise<TestMember | undefined> {
  if (id === SAMPLE_MEMBER) return { id, name: '日医 太郎', sources: SAMPLE_SOURCES };
  const member = await db
    .selectFrom('members')
    .select(['id', 'name'])
    .where('registration_number', '=', id)
    .executeTakeFirst();
  if (!member) return undefined;
  return { id, name: member.name, sources: await resolveSources(db, member.id, Object.keys(SOURCE_CATALOG)) };
}

/** The members the studio offers: the demo member when the database has him, and the sample. */
export async function testMembers(db: Kysely<Database>): Promise<TestMember[]> {
  const demo = await testMember(db, DEMO_MEMBER);
  const sample = await testMember(db, SAMPLE_MEMBER);
  return [...(demo ? [demo] : []), sample!];
}
