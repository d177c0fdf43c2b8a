import type { TemplateResult } from 'lit';
import type { FieldPlan, FieldView } from '../../engine/browser.js';
import type { ChromeText } from '../i18n/chrome-text.js';

/** The ids a widget gives its parts, unique within the form's shadow root. */
export interface FieldIds {
  /** The control a `<label for>` points at, or the group's first control. */
  readonly control: string;
  readonly label: string;
  readonly hint: string;
  readonly error: string;
}

/** Everything a widget needs to render one field and report what the member did. */
export interface WidgetProps {
  /** The engine's view of the field in the member's language: label, hint, options, groups… */
  readonly field: FieldView;
  /** The field's plan: its schema and UI metadata as staff wrote them. */
  readonly plan: FieldPlan;
  /** The value as entered (a date as typed, before normalisation). */
  readonly value: unknown;
  /** The message to show under the field, if it is invalid. */
  readonly error: string | undefined;
  readonly ids: FieldIds;
  /** For `aria-describedby`: the hint and error ids that are rendered now. */
  readonly describedBy: string;
  /** Shown when the field has no choices yet (a source that depends on another field). */
  readonly emptyText: string;
  readonly text: ChromeText;
  readonly lang: string;
  /** Today, `YYYY-MM-DD`, as the server sees it. */
  readonly today: string;
  /** The member changed the value; no validation yet (typing, a tick that cascades). */
  readonly onInput: (value: unknown) => void;
  /** The member is done with the field (blur, a choice made): validate it. */
  readonly onCommit: (value: unknown) => void;
}

/** How well a widget fits a field: higher wins, below zero means "not at all". */
export type WidgetTester = (field: FieldView, plan: FieldPlan) => number;

export type WidgetRenderer = (props: WidgetProps) => TemplateResult;

/** One entry of the widget registry. */
export interface WidgetEntry {
  readonly name: string;
  readonly tester: WidgetTester;
  readonly renderer: WidgetRenderer;
}
