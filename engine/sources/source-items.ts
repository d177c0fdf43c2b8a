import type { FieldUi } from '../definition/form-definition.js';
import type { GroupItem, OptionItem, ResolvedSources } from './source-catalog.js';

type Data = Readonly<Record<string, unknown>>;

/** The items a field may choose from now: its source, narrowed by the field it depends on. */
export function sourceItems<T extends GroupItem | OptionItem>(
  ui: FieldUi,
  sources: ResolvedSources,
  data: Data,
): readonly T[] {
  if (!ui.source) return [];
  const items = (sources[ui.source.name] ?? []) as readonly T[];
  const dependsOn = ui.source.dependsOn;
  if (dependsOn === undefined) return items;
  const parent = data[dependsOn];
  if (typeof parent !== 'string') return [];
  return items.filter((item) => item.parent === parent);
}
