import type { Block, Locale, Step } from '../definition/form-definition.js';
import { resolveDateBound } from '../rules/relative-date.js';
import type { FieldPlan, RuntimeForm } from '../runtime/runtime-form.js';
import type { ValidationContext } from '../runtime/validation-context.js';
import { hiddenFields } from '../runtime/visibility.js';
import type { GroupItem, OptionItem } from '../sources/source-catalog.js';
import { sourceItems } from '../sources/source-items.js';
import { layerLabel } from './localized-text.js';
import type { BlockView, FieldView, GroupView, OptionView, ProgressItem, StepView } from './step-view.js';

type Data = Readonly<Record<string, unknown>>;

/** The view of one step for the current data: fields with their choices, visibility and texts. */
export function deriveStepView(form: RuntimeForm, stepId: string, data: Data, context: ValidationContext): StepView {
  const index = form.steps.findIndex((step) => step.id === stepId);
  const step = form.steps[index];
  if (!step) throw new RangeError(`Form "${form.id}" has no step "${stepId}".`);
  const { locale } = context;
  const hidden = hiddenFields(form, data);
  const fields =
    step.type === 'fields'
      ? step.fields.flatMap((name) => {
          const field = form.fieldByName.get(name);
          return field ? [fieldView(field, !hidden.has(name), data, context)] : [];
        })
      : [];
  return {
    id: step.id,
    type: step.type,
    index,
    title: step.title?.[locale],
    presentation: step.type === 'interstitial' ? (step.presentation ?? 'page') : 'page',
    blocks: blocksOf(step).map((block) => blockView(block, locale)),
    fields,
    progress: progressOf(form, index, locale),
    nextLabel: step.type === 'interstitial' || step.type === 'fields' ? step.next?.label[locale] : undefined,
    cancelLabel: step.type === 'interstitial' ? step.cancel.label[locale] : undefined,
    submitLabel: step.type === 'confirm' ? step.submit.label[locale] : undefined,
  };
}

/** The numbered steps (fields and confirm) and where the member is among them. */
export function progressOf(form: RuntimeForm, currentIndex: number, locale: Locale): ProgressItem[] {
  const items: ProgressItem[] = [];
  for (const [index, step] of form.steps.entries()) {
    if (step.type !== 'fields' && step.type !== 'confirm') continue;
    const state = index < currentIndex ? 'done' : index === currentIndex ? 'current' : 'todo';
    items.push({ number: items.length + 1, stepId: step.id, title: step.title[locale], state });
  }
  return items;
}

function fieldView(field: FieldPlan, visible: boolean, data: Data, context: ValidationContext): FieldView {
  const { ui } = field;
  const { locale } = context;
  return {
    name: field.name,
    pointer: field.pointer,
    widget: field.widget,
    label: ui.label[locale],
    hint: ui.hint?.[locale],
    placeholder: ui.placeholder?.[locale],
    required: field.required && visible,
    visible,
    options: field.widget === 'association-layers' ? [] : optionViews(field, data, context),
    groups: field.widget === 'association-layers' ? groupViews(field, data, context) : [],
    cascade: ui.cascade ?? 'none',
    maxCharacters: field.maxCharacters,
    minDate: field.minDate === undefined ? undefined : resolveDateBound(field.minDate, context.today),
    maxDate: field.maxDate === undefined ? undefined : resolveDateBound(field.maxDate, context.today),
  };
}

function optionViews(field: FieldPlan, data: Data, context: ValidationContext): OptionView[] {
  const { locale } = context;
  if (field.ui.source) {
    return sourceItems<OptionItem>(field.ui, context.sources, data).map((item) => ({
      value: item.value,
      label: item.label[locale],
    }));
  }
  const items = field.schema.type === 'array' ? (field.schema.items as { enum?: unknown[] } | undefined) : field.schema;
  const values = (items?.enum as unknown[] | undefined) ?? [];
  return values.map((value) => ({
    value: String(value),
    label: field.ui.options?.[String(value)]?.[locale] ?? String(value),
  }));
}

function groupViews(field: FieldPlan, data: Data, context: ValidationContext): GroupView[] {
  const { locale } = context;
  return sourceItems<GroupItem>(field.ui, context.sources, data).map((group) => ({
    id: group.id,
    facility: group.facility?.[locale],
    associations: group.associations.map((association) => ({
      id: association.id,
      name: association.name[locale],
      layer: association.layer,
      layerLabel: layerLabel(association.layer)[locale],
    })),
  }));
}

function blocksOf(step: Step): readonly Block[] {
  switch (step.type) {
    case 'interstitial':
    case 'complete':
      return step.body;
    case 'fields':
    case 'confirm':
      return step.intro ?? [];
    default: {
      const exhaustive: never = step;
      return exhaustive;
    }
  }
}

function blockView(block: Block, locale: Locale): BlockView {
  return block.type === 'list'
    ? { type: 'list', items: block.items.map((item) => item[locale]) }
    : { type: block.type, text: block.text[locale] };
}
