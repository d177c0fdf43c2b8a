import type {
  FieldUi,
  FormDefinition,
  JsonSchema,
  Step,
  VisibleWhen,
  WidgetName,
} from '../definition/form-definition.js';
import { createMessageMemo, type MessageMemo } from '../messages/render-message.js';
import type { CascadeDirection } from '../rules/cascade.js';
import { type Normaliser, normaliserFor } from './normalise-value.js';
import { isChoiceWidget, resolveWidget } from './resolve-widget.js';
import type { SchemaValidator } from './schema-validator.js';
import { type SlotCondition, slotCondition } from './visibility.js';

/** Everything the pipeline needs about one field, worked out once per form. */
export interface FieldPlan {
  readonly name: string;
  /** Its position in `RuntimeForm.fields`. */
  readonly index: number;
  readonly pointer: string;
  readonly ui: FieldUi;
  readonly schema: JsonSchema;
  readonly widget: WidgetName;
  /** The layer cascade of an association-layers field; `none` for every other field. */
  readonly cascade: CascadeDirection;
  /** Puts a value as typed into the form it is stored in (the widget's normaliser). */
  readonly normalise: Normaliser;
  readonly choice: boolean;
  /** Listed in the schema's `required`; when the field has a condition, only while visible. */
  readonly required: boolean;
  readonly visibleWhen: VisibleWhen | undefined;
  /** `visibleWhen` resolved against the form's fields; undefined without a condition. */
  readonly condition: SlotCondition | undefined;
  /** The position of the field its source depends on; -1 when none (or it is no field). */
  readonly parentIndex: number;
  /** The id of the fields step that asks it; undefined for derived properties. */
  readonly stepId: string | undefined;
  readonly maxCharacters: number | undefined;
  readonly minDate: string | undefined;
  readonly maxDate: string | undefined;
  /** Its error messages as last rendered, so a repeated error is not worded again. */
  readonly renderedMessages: MessageMemo;
}

/** A form ready to validate and render; built once, shared by every request. */
export interface RuntimeForm {
  readonly definition: FormDefinition;
  readonly id: string;
  readonly version: number;
  readonly fields: readonly FieldPlan[];
  readonly fieldByName: ReadonlyMap<string, FieldPlan>;
  /** Each field by its JSON pointer (`/withdrawalDate`), as Ajv's `instancePath` names it. */
  readonly fieldByPointer: ReadonlyMap<string, FieldPlan>;
  readonly steps: readonly Step[];
  readonly hasConditions: boolean;
  readonly conditionalFields: readonly FieldPlan[];
  /** Fields with a rule beyond JSON Schema: maxCharacters, date bounds, a source of options. */
  readonly ruleFields: readonly FieldPlan[];
  /** association-layers fields with a source: their cascade and the one-group rule apply. */
  readonly selectionFields: readonly FieldPlan[];
  readonly validateSchema: SchemaValidator;
}

/**
 * Builds the runtime plan of a definition that has passed the check. The validator is the
 * compiled data schema: `ajv.compile` on the server, a precompiled standalone module in a browser.
 */
export function createRuntimeForm(definition: FormDefinition, validateSchema: SchemaValidator): RuntimeForm {
  const properties = (definition.schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((definition.schema.required as string[] | undefined) ?? []);
  const stepOf = new Map<string, string>();
  for (const step of definition.steps) {
    if (step.type === 'fields') for (const name of step.fields) stepOf.set(name, step.id);
  }
  const names = Object.keys(properties);
  const indexOf = (name: string) => names.indexOf(name);
  const fields: FieldPlan[] = [];
  for (const [name, schema] of Object.entries(properties)) {
    const ui: FieldUi = definition.fields[name] ?? { label: { ja: name, en: name } };
    const widget = resolveWidget(schema, ui);
    const dependsOn = ui.source?.dependsOn;
    fields.push(
      Object.freeze({
        name,
        index: fields.length,
        pointer: `/${escapePointerToken(name)}`,
        ui,
        schema,
        widget,
        cascade: widget === 'association-layers' ? (ui.cascade ?? 'none') : 'none',
        normalise: normaliserFor(widget),
        choice: isChoiceWidget(widget),
        required: required.has(name),
        visibleWhen: ui.visibleWhen,
        condition: ui.visibleWhen && slotCondition(ui.visibleWhen, indexOf),
        parentIndex: dependsOn === undefined ? -1 : indexOf(dependsOn),
        stepId: stepOf.get(name),
        maxCharacters: typeof schema.maxCharacters === 'number' ? schema.maxCharacters : undefined,
        minDate: typeof schema.minDate === 'string' ? schema.minDate : undefined,
        maxDate: typeof schema.maxDate === 'string' ? schema.maxDate : undefined,
        renderedMessages: createMessageMemo(),
      }),
    );
  }
  return Object.freeze({
    definition,
    id: definition.id,
    version: definition.version,
    fields: Object.freeze(fields),
    fieldByName: new Map(fields.map((field) => [field.name, field])),
    fieldByPointer: new Map(fields.map((field) => [field.pointer, field])),
    steps: definition.steps,
    hasConditions: fields.some((field) => field.visibleWhen !== undefined),
    conditionalFields: fields.filter((field) => field.visibleWhen !== undefined),
    ruleFields: fields.filter(
      (field) =>
        field.maxCharacters !== undefined ||
        field.minDate !== undefined ||
        field.maxDate !== undefined ||
        (field.ui.source !== undefined && field.widget !== 'association-layers'),
    ),
    selectionFields: fields.filter((field) => field.widget === 'association-layers' && field.ui.source !== undefined),
    validateSchema,
  });
}

/** RFC 6901: `~` and `/` inside a property name. */
export function escapePointerToken(token: string): string {
  return token.replaceAll('~', '~0').replaceAll('/', '~1');
}
