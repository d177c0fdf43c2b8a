import type { FieldIds } from '../widgets/widget-types.js';

/** Ids of a field's parts; property names may hold any character, ids only need to be unique. */
export function fieldIds(name: string): FieldIds {
  const base = `field-${name.replace(/\s/g, '_')}`;
  return { control: base, label: `${base}-label`, hint: `${base}-hint`, error: `${base}-error` };
}
