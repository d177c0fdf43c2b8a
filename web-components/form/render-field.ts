import { html, type TemplateResult } from 'lit/html.js';
import type { FieldView, Locale, RuntimeForm } from '../../engine/browser.js';
import type { ChromeText } from '../i18n/chrome-text.js';
import { renderTextWidget } from '../widgets/text-widget.js';
import type { WidgetRegistry } from '../widgets/widget-registry.js';
import type { WidgetProps } from '../widgets/widget-types.js';
import { fieldIds } from './field-ids.js';

export interface FieldRenderContext {
  readonly form: RuntimeForm;
  readonly registry: WidgetRegistry;
  readonly data: Readonly<Record<string, unknown>>;
  readonly errors: ReadonlyMap<string, string>;
  readonly locale: Locale;
  readonly text: ChromeText;
  readonly today: string;
  readonly onInput: (name: string, value: unknown) => void;
  readonly onCommit: (name: string, value: unknown) => void;
}

/** One field in its frame, drawn by whichever registered widget ranks highest for it. */
export function renderField(field: FieldView, context: FieldRenderContext): TemplateResult {
  const plan = context.form.fieldByName.get(field.name)!;
  const renderer = context.registry.pick(field, plan) ?? renderTextWidget;
  const ids = fieldIds(field.name);
  const error = context.errors.get(field.name);
  const props: WidgetProps = {
    field,
    plan,
    value: context.data[field.name],
    error,
    ids,
    describedBy: [field.hint ? ids.hint : '', error ? ids.error : ''].filter(Boolean).join(' '),
    emptyText: emptyText(field, context),
    text: context.text,
    lang: context.locale,
    today: context.today,
    onInput: (value) => context.onInput(field.name, value),
    onCommit: (value) => context.onCommit(field.name, value),
  };
  return html`<div class="field ${error ? 'invalid' : ''}" part=${error ? 'field field-invalid' : 'field'} data-field=${field.name}>
    ${renderer(props)}
  </div>`;
}

/** What a field with no choices says: choose the field it depends on first, or that there are none. */
function emptyText(field: FieldView, context: FieldRenderContext): string {
  const dependsOn = context.form.fieldByName.get(field.name)?.ui.source?.dependsOn;
  if (dependsOn !== undefined && typeof context.data[dependsOn] !== 'string') {
    const label = context.form.fieldByName.get(dependsOn)?.ui.label[context.locale] ?? dependsOn;
    return context.text.chooseFirst(label);
  }
  return context.text.noChoices;
}
