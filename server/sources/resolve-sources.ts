import type { Kysely } from 'kysely';
import {
  type GroupItem,
  isSourceName,
  type OptionItem,
  type ResolvedSources,
  type RuntimeForm,
} from '../../engine/index.js';
import type { Database } from '../db/database.js';
import { allAssociations, associationChains, prefectureOptions } from './association-sources.js';
import { memberGroups } from './member-groups.js';

/** The associations a member currently belongs to, across all their groups. */
function currentAssociations(groups: readonly GroupItem[]): Set<string> {
  return new Set(groups.flatMap((group) => group.associations.map((association) => association.id)));
}

/** The source names a form's fields use. */
export function sourceNamesOf(form: RuntimeForm): Set<string> {
  const names = new Set<string>();
  for (const field of form.fields) if (field.ui.source) names.add(field.ui.source.name);
  return names;
}

/**
 * Resolves the named sources for one member (none for offices and staff): what the form
 * offers them, and what the server accepts from them — a submitted group or association
 * outside these items fails validation. `knownGroups`: the member's groups, when the caller has
 * read them already.
 */
export async function resolveSources(
  db: Kysely<Database>,
  memberId: string | null,
  names: Iterable<string>,
  knownGroups?: readonly GroupItem[],
): Promise<ResolvedSources> {
  const resolved: Record<string, readonly GroupItem[] | readonly OptionItem[]> = {};
  let associations: Awaited<ReturnType<typeof allAssociations>> | undefined;
  let groups = knownGroups;
  const groupsOfMember = async () => (groups ??= memberId ? await memberGroups(db, memberId) : []);
  for (const name of names) {
    if (!isSourceName(name)) continue;
    switch (name) {
      case 'member.groups':
        resolved[name] = await groupsOfMember();
        break;
      case 'associations.prefectures':
        associations ??= await allAssociations(db);
        resolved[name] = prefectureOptions(associations);
        break;
      case 'associations.chains':
        associations ??= await allAssociations(db);
        resolved[name] = associationChains(associations, currentAssociations(await groupsOfMember()));
        break;
      default: {
        const exhaustive: never = name;
        throw new Error(`Unknown source ${String(exhaustive)}`);
      }
    }
  }
  return resolved;
}
