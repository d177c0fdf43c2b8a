/**
 * The shape of a form definition as staff write it in `forms/<id>/form.json`.
 * The meta-schema `forms/form-definition.schema.json` describes the same shape for editors;
 * `test/engine/meta-schema.test.ts` keeps the two in step.
 */

/** The locales every text in a definition is written in. Japanese first. */
export const LOCALES = ['ja', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** A text in every locale. */
export type Localized = Readonly<Record<Locale, string>>;

/** A JSON Schema (2020-12) object as written in a definition. */
export type JsonSchema = { readonly [keyword: string]: unknown };

export const WIDGETS = [
  'text',
  'textarea',
  'number',
  'date',
  'radio',
  'select',
  'checkbox',
  'checkboxes',
  'association-layers',
] as const;
export type WidgetName = (typeof WIDGETS)[number];

/**
 * A visibility condition: every named field must hold the value (or one of the values) given.
 * @example { "reason": "other" }
 */
export type VisibleWhen = Readonly<Record<string, JsonScalar | readonly JsonScalar[]>>;
export type JsonScalar = string | number | boolean;

/** Where a field's choices come from when they depend on the signed-in member or the data. */
export interface SourceBinding {
  /** A name from the source catalogue, e.g. `member.groups`. */
  readonly name: string;
  /** Keep only the items whose `parent` equals the value of this field. */
  readonly dependsOn?: string;
}

/** How one field is asked, shown and explained. Keyed by property name in `fields`. */
export interface FieldUi {
  readonly label: Localized;
  /** The label in the confirm view and mail when it differs, e.g. 退会申請先. */
  readonly confirmLabel?: Localized;
  readonly widget?: WidgetName;
  readonly hint?: Localized;
  readonly placeholder?: Localized;
  readonly options?: Readonly<Record<string, Localized>>;
  readonly source?: SourceBinding;
  readonly visibleWhen?: VisibleWhen;
  /** association-layers only: leaving a layer takes the layers above (`upward`) or below (`downward`) with it. */
  readonly cascade?: 'upward' | 'downward' | 'none';
  /** association-layers only: what approving this association's target does to the membership. */
  readonly targetRole?: 'leave' | 'join';
  /** Overrides the generated message for a rule, e.g. `{ "required": { "ja": "…", "en": "…" } }`. */
  readonly messages?: Readonly<Record<string, Localized>>;
}

/** A piece of text on an interstitial, intro or completion screen. */
export type Block =
  | { readonly type: 'paragraph'; readonly text: Localized }
  | { readonly type: 'heading'; readonly text: Localized }
  | { readonly type: 'note'; readonly text: Localized }
  | { readonly type: 'list'; readonly items: readonly Localized[] };

export interface StepAction {
  readonly label: Localized;
}

/** A screen that only asks the member to go on or to stop (the retention screen, 本当に退会しますか？). */
export interface InterstitialStep {
  readonly id: string;
  readonly type: 'interstitial';
  readonly title?: Localized;
  readonly presentation?: 'page' | 'dialog';
  readonly body: readonly Block[];
  readonly next: StepAction;
  /** Leaves the form: the component fires its cancel event. */
  readonly cancel: StepAction;
}

export interface FieldsStep {
  readonly id: string;
  readonly type: 'fields';
  readonly title: Localized;
  readonly intro?: readonly Block[];
  readonly fields: readonly string[];
  readonly next?: StepAction;
}

export interface ConfirmStep {
  readonly id: string;
  readonly type: 'confirm';
  readonly title: Localized;
  readonly intro?: readonly Block[];
  readonly submit: StepAction;
}

export interface CompleteStep {
  readonly id: string;
  readonly type: 'complete';
  readonly title: Localized;
  readonly body: readonly Block[];
}

export type Step = InterstitialStep | FieldsStep | ConfirmStep | CompleteStep;
export type StepType = Step['type'];

export const MAIL_EVENTS = ['submitted', 'edited', 'withdrawn', 'in-review', 'approved', 'returned'] as const;
export type MailEvent = (typeof MAIL_EVENTS)[number];

export interface MailHook {
  readonly on: MailEvent;
  readonly to: 'member' | 'target-offices';
  /** A template folder under `templates/`, e.g. `withdrawal/received`. */
  readonly template: string;
}

/** What the server does with an application of this form. */
export interface Workflow {
  /** The date field whose value is the day a membership ends or starts on approval. */
  readonly effectiveDate?: string;
  /** The text field naming the facility (所属施設名) of the group that approved `join` targets form. */
  readonly facility?: string;
}

export interface FormDefinition {
  readonly $schema?: string;
  readonly id: string;
  readonly version: number;
  readonly title: Localized;
  readonly description?: Localized;
  readonly schema: JsonSchema;
  readonly fields: Readonly<Record<string, FieldUi>>;
  /** Properties that no step asks because the server or the engine fills them. */
  readonly derived?: readonly string[];
  readonly steps: readonly Step[];
  readonly workflow?: Workflow;
  readonly mail?: readonly MailHook[];
}
