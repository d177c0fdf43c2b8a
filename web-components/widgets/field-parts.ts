import { html, nothing, type TemplateResult } from 'lit/html.js';
import type { WidgetProps } from './widget-types.js';

/**
 * The pieces every widget shares, exported so a site's own widget looks and behaves the same:
 * the label with its 必須 badge, the hint, and the error its control points at with
 * `aria-describedby` (all in the form's shadow root, so the ids resolve).
 */

/** The label: a `<label for>` for single controls, a plain element that a group names itself by. */
export function renderLabel(props: WidgetProps, as: 'label' | 'group-label' = 'label'): TemplateResult {
  const badge = props.field.required
    ? html`<span class="badge" part="required-badge">${props.text.required}</span>`
    : nothing;
  return as === 'label'
    ? html`<label id=${props.ids.label} for=${props.ids.control} class="label" part="label"
        ><span class="label-text">${props.field.label}</span>${badge}</label
      >`
    : html`<span id=${props.ids.label} class="label" part="label"
        ><span class="label-text">${props.field.label}</span>${badge}</span
      >`;
}

export function renderHint(props: WidgetProps): TemplateResult | typeof nothing {
  return props.field.hint
    ? html`<span id=${props.ids.hint} class="hint" part="hint">${props.field.hint}</span>`
    : nothing;
}

export function renderError(props: WidgetProps): TemplateResult | typeof nothing {
  return props.error ? html`<p id=${props.ids.error} class="error" part="error">${props.error}</p>` : nothing;
}

/** `aria-describedby`, or no attribute at all when nothing describes the control. */
export function describedBy(props: WidgetProps): string | typeof nothing {
  return props.describedBy === '' ? nothing : props.describedBy;
}

export function stringValue(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/** The value of the element an input event came from. */
export function targetValue(event: Event): string {
  return (event.target as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement).value;
}

/** Choices with long labels read better one per line than wrapped side by side. */
export function stacked(options: readonly { readonly label: string }[]): boolean {
  return options.some((option) => option.label.length > 12);
}
