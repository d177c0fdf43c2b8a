import type { FieldUi } from '../definition/form-definition.js';
import type { GroupItem, OptionItem, ResolvedSources } from './source-catalog.js';

type Data = Readonly<Record<string, unknown>>;

/** The items a field may choose from now: its source, narrowed by the field it depends on. */
export function sourceItems<T extends GroupItem | OptionItem>(
  ui: FieldUi,
  sources: ResolvedSources,
  data: Data,
): readonly T[] {
  const dependsOn = ui.source?.dependsOn;
  return sourceItemsUnder<T>(ui, sources, dependsOn === undefined ? undefined : data[dependsOn]);
}

/** `sourceItems`, given the value of the field the source depends on rather than all the data. */
export function sourceItemsUnder<T extends GroupItem | OptionItem>(
  ui: FieldUi,
  sources: ResolvedSources,
  parent: unknown,
): readonly T[] {
  if (!ui.source) return [];
  const items = (sources[ui.source.name] ?? []) as readonly T[];
  if (ui.source.dependsOn === undefined) return items;
  if (typeof parent !== 'string') return [];
  return items.filter((item) => item.parent === parent);
}
