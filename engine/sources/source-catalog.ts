import type { Localized } from '../definition/form-definition.js';

/**
 * Dynamic option sources. A definition names a source; the server resolves it for the signed-in
 * member and checks submitted values against what it resolved. The engine only knows the shapes.
 */

/** One association in a group, with its layer: 1 = national, 2 = prefecture, 3 = city/county. */
export interface LayerAssociation {
  readonly id: string;
  readonly name: Localized;
  readonly layer: 1 | 2 | 3;
}

/** A chain of associations, one per layer, tied to a facility (the manual's グループ). */
export interface GroupItem {
  readonly id: string;
  readonly facility?: Localized;
  /** Ordered from the lowest layer (3) to the highest (1). */
  readonly associations: readonly LayerAssociation[];
  readonly parent?: string;
}

/** A plain choice for select, radio and checkboxes. */
export interface OptionItem {
  readonly value: string;
  readonly label: Localized;
  readonly parent?: string;
}

export type SourceKind = 'groups' | 'options';

export interface SourceDescription {
  readonly kind: SourceKind;
  readonly description: string;
}

/** Every source a definition may name, and what the server must resolve it to. */
export const SOURCE_CATALOG = {
  'member.groups': {
    kind: 'groups',
    description: "The signed-in member's current affiliation groups with their layers.",
  },
  'associations.prefectures': {
    kind: 'options',
    description: 'The 47 prefectural associations; parent is the national association.',
  },
  'associations.chains': {
    kind: 'groups',
    description:
      'Every chain a member can join: city → prefecture → national, and prefecture → national; parent is the prefecture.',
  },
} as const satisfies Record<string, SourceDescription>;

export type SourceName = keyof typeof SOURCE_CATALOG;

/** What the server resolved for one request: items per source name. */
export type ResolvedSources = Readonly<Record<string, readonly GroupItem[] | readonly OptionItem[]>>;

export function isSourceName(name: string): name is SourceName {
  return Object.hasOwn(SOURCE_CATALOG, name);
}
