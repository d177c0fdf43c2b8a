import type { FieldUi, JsonSchema, WidgetName } from '../definition/form-definition.js';

/** The widget a field uses: the one its UI names, else the natural one for its schema. */
export function resolveWidget(schema: JsonSchema, ui: FieldUi): WidgetName {
  if (ui.widget) return ui.widget;
  if (ui.source) return 'select';
  if (Array.isArray(schema.enum)) return schema.enum.length <= 5 ? 'radio' : 'select';
  switch (schema.type) {
    case 'boolean':
      return 'checkbox';
    case 'integer':
    case 'number':
      return 'number';
    case 'array':
      return 'checkboxes';
    default:
      return schema.format === 'date' ? 'date' : 'text';
  }
}

/** Widgets where the member picks rather than types: their empty message says 選択, not 入力. */
export function isChoiceWidget(widget: WidgetName): boolean {
  return (
    widget === 'radio' ||
    widget === 'select' ||
    widget === 'checkbox' ||
    widget === 'checkboxes' ||
    widget === 'association-layers'
  );
}
