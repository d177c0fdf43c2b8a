import { renderAssociationLayersWidget } from './association-layers-widget.js';
import { renderCheckboxWidget } from './checkbox-widget.js';
import { renderCheckboxesWidget } from './checkboxes-widget.js';
import { renderDateWidget } from './date-widget.js';
import { renderRadioWidget } from './radio-widget.js';
import { renderSelectWidget } from './select-widget.js';
import { renderTextWidget } from './text-widget.js';
import { renderTextareaWidget } from './textarea-widget.js';
import { isWidget, rankWith, WidgetRegistry } from './widget-registry.js';
import type { WidgetEntry } from './widget-types.js';

/** Built-in widgets rank 1 for the widget the engine resolved; a site outranks them with 2 or more. */
export const DEFAULT_WIDGETS: readonly WidgetEntry[] = [
  {
    name: 'text',
    tester: rankWith(1, (field) => field.widget === 'text' || field.widget === 'number'),
    renderer: renderTextWidget,
  },
  { name: 'textarea', tester: rankWith(1, isWidget('textarea')), renderer: renderTextareaWidget },
  { name: 'date', tester: rankWith(1, isWidget('date')), renderer: renderDateWidget },
  { name: 'radio', tester: rankWith(1, isWidget('radio')), renderer: renderRadioWidget },
  { name: 'select', tester: rankWith(1, isWidget('select')), renderer: renderSelectWidget },
  { name: 'checkbox', tester: rankWith(1, isWidget('checkbox')), renderer: renderCheckboxWidget },
  { name: 'checkboxes', tester: rankWith(1, isWidget('checkboxes')), renderer: renderCheckboxesWidget },
  {
    name: 'association-layers',
    tester: rankWith(1, isWidget('association-layers')),
    renderer: renderAssociationLayersWidget,
  },
  // Anything else is asked as text rather than not at all.
  { name: 'fallback', tester: () => 0, renderer: renderTextWidget },
];

/** The registry every `<mamis-form>` uses unless given its own `widgets`. */
export const widgetRegistry = new WidgetRegistry(DEFAULT_WIDGETS);

/**
 * Adds a widget for every form on the page.
 * @example registerWidget({ name: 'postcode', tester: rankWith(2, (f) => f.name === 'postcode'), renderer })
 */
export function registerWidget(entry: WidgetEntry): void {
  widgetRegistry.register(entry);
}
