import type { Localized } from '../definition/form-definition.js';
import { isAssociationSelection } from '../rules/association-selection.js';
import { formatDisplayDate } from '../rules/date-input.js';
import type { FieldPlan, RuntimeForm } from '../runtime/runtime-form.js';
import { hiddenFields } from '../runtime/visibility.js';
import type { GroupItem, OptionItem, ResolvedSources } from '../sources/source-catalog.js';
import { sourceItems } from '../sources/source-items.js';
import type { ConfirmRow, ConfirmSection, ConfirmView } from './confirm-view.js';
import { NO, NOT_ENTERED, verbatim, YES } from './localized-text.js';

type Data = Readonly<Record<string, unknown>>;

/**
 * The confirm view of a (normalised) submission: one section per fields step, in step order,
 * one row per shown field, with option labels, dates as yyyy/mm/dd and association targets by
 * layer. Never written per form.
 */
export function deriveConfirmView(form: RuntimeForm, data: Data, sources: ResolvedSources): ConfirmView {
  const hidden = hiddenFields(form, data);
  const sections: ConfirmSection[] = [];
  for (const step of form.steps) {
    if (step.type !== 'fields') continue;
    const rows: ConfirmRow[] = [];
    for (const name of step.fields) {
      const field = form.fieldByName.get(name);
      if (!field || hidden.has(name)) continue;
      rows.push(confirmRow(field, data, sources));
    }
    sections.push({ stepId: step.id, title: step.title, rows });
  }
  return { formId: form.id, version: form.version, title: form.definition.title, sections };
}

function confirmRow(field: FieldPlan, data: Data, sources: ResolvedSources): ConfirmRow {
  const label = field.ui.confirmLabel ?? field.ui.label;
  const value = Object.hasOwn(data, field.name) ? data[field.name] : undefined;
  if (field.widget === 'association-layers') {
    const selection = isAssociationSelection(value) ? value : undefined;
    const group = selection
      ? sourceItems<GroupItem>(field.ui, sources, data).find((candidate) => candidate.id === selection.groupId)
      : undefined;
    const chosen = new Set(selection?.associationIds ?? []);
    return {
      kind: 'targets',
      field: field.name,
      label,
      role: field.ui.targetRole,
      facility: group?.facility,
      targets: (group?.associations ?? [])
        .filter((association) => chosen.has(association.id))
        .map(({ id, layer, name }) => ({ id, layer, name })),
    };
  }
  if (field.widget === 'checkboxes') {
    const values = Array.isArray(value) ? value.map((item) => optionLabel(field, item, data, sources)) : [];
    return { kind: 'list', field: field.name, label, values };
  }
  if (value === undefined || value === null || value === '') {
    return { kind: 'value', field: field.name, label, value: NOT_ENTERED, empty: true };
  }
  return { kind: 'value', field: field.name, label, value: displayValue(field, value, data, sources), empty: false };
}

function displayValue(field: FieldPlan, value: unknown, data: Data, sources: ResolvedSources): Localized {
  switch (field.widget) {
    case 'date':
      return verbatim(formatDisplayDate(String(value)));
    case 'checkbox':
      return value === true ? YES : NO;
    case 'radio':
    case 'select':
      return optionLabel(field, value, data, sources);
    case 'text':
    case 'textarea':
    case 'number':
    case 'checkboxes':
    case 'association-layers':
      return verbatim(String(value));
    default: {
      const exhaustive: never = field.widget;
      return exhaustive;
    }
  }
}

/** The label staff gave a value, or the source's label; the raw value if neither knows it. */
function optionLabel(field: FieldPlan, value: unknown, data: Data, sources: ResolvedSources): Localized {
  const key = String(value);
  const options = field.ui.options;
  if (options && Object.hasOwn(options, key)) return options[key]!;
  const item = sourceItems<OptionItem>(field.ui, sources, data).find((option) => option.value === key);
  return item?.label ?? verbatim(key);
}
