import type { JsonScalar, VisibleWhen } from '../definition/form-definition.js';
import type { RuntimeForm } from './runtime-form.js';

type Data = Readonly<Record<string, unknown>>;

/** True when every field the condition names holds the value (or one of the values) given. */
export function conditionHolds(condition: VisibleWhen, data: Data): boolean {
  for (const name in condition) {
    const expected = condition[name] as JsonScalar | readonly JsonScalar[];
    const actual = data[name];
    if (Array.isArray(expected) ? !expected.includes(actual as JsonScalar) : actual !== expected) return false;
  }
  return true;
}

/**
 * The names of the fields hidden by their conditions. A field whose condition names a hidden
 * field is hidden too, so chains of conditions settle in at most one pass per field.
 */
export function hiddenFields(form: RuntimeForm, data: Data): Set<string> {
  const hidden = new Set<string>();
  if (!form.hasConditions) return hidden;
  let changed = true;
  for (let pass = 0; changed && pass <= form.fields.length; pass++) {
    changed = false;
    for (const field of form.fields) {
      if (!field.visibleWhen || hidden.has(field.name)) continue;
      const visibleData = hidden.size === 0 ? data : withoutHidden(data, hidden);
      if (!conditionHolds(field.visibleWhen, visibleData)) {
        hidden.add(field.name);
        changed = true;
      }
    }
  }
  return hidden;
}

function withoutHidden(data: Data, hidden: ReadonlySet<string>): Data {
  const visible: Record<string, unknown> = {};
  for (const name in data) if (!hidden.has(name)) visible[name] = data[name];
  return visible;
}
