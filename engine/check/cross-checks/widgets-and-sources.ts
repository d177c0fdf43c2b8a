import type { JsonSchema, WidgetName } from '../../definition/form-definition.js';
import { resolveWidget } from '../../runtime/resolve-widget.js';
import { isSourceName, SOURCE_CATALOG } from '../../sources/source-catalog.js';
import { type CheckContext, type CrossCheck, token } from '../check-context.js';
import type { DefinitionIssue } from '../definition-issue.js';

/**
 * Each widget fits its property's schema, each source exists and fits its widget, a source's
 * `dependsOn` field is asked before the field itself, and association settings appear only on
 * association-layers fields.
 */
export const widgetsAndSources: CrossCheck = (context) => {
  const issues: DefinitionIssue[] = [];
  for (const [name, ui] of Object.entries(context.definition.fields)) {
    const schema = context.properties[name];
    if (!schema || !Object.hasOwn(context.properties, name)) continue;
    const pointer = `/fields/${token(name)}`;
    const widget = resolveWidget(schema, ui);
    const misfit = schemaMisfit(widget, schema);
    if (misfit) issues.push(context.issue(`${pointer}/widget`, 'widget-schema-mismatch', misfit));
    if (widget === 'association-layers') {
      if (!ui.source) {
        issues.push(
          context.issue(pointer, 'association-layers-without-source', {
            ja: `「${name}」は association-layers ですが source がありません。"source": { "name": "member.groups" } などを指定してください。`,
            en: `"${name}" is association-layers but has no source. Add e.g. "source": { "name": "member.groups" }.`,
          }),
        );
      }
    } else {
      for (const key of ['cascade', 'targetRole'] as const) {
        if (ui[key] !== undefined) {
          issues.push(
            context.issue(`${pointer}/${key}`, 'association-setting-misplaced', {
              ja: `「${name}」の ${key} は association-layers の項目でのみ使えます。削除してください。`,
              en: `"${key}" on "${name}" only applies to association-layers fields. Remove it.`,
            }),
          );
        }
      }
    }
    if (ui.source) issues.push(...checkSource(context, name, widget));
  }
  return issues;
};

function checkSource(context: CheckContext, name: string, widget: WidgetName): DefinitionIssue[] {
  const ui = context.definition.fields[name]!;
  const source = ui.source!;
  const pointer = `/fields/${token(name)}/source`;
  const issues: DefinitionIssue[] = [];
  if (!isSourceName(source.name)) {
    issues.push(
      context.issue(`${pointer}/name`, 'source-unknown', {
        ja: `選択肢の出どころ「${source.name}」はありません。使えるのは ${Object.keys(SOURCE_CATALOG).join(', ')} です。`,
        en: `There is no source "${source.name}". Available: ${Object.keys(SOURCE_CATALOG).join(', ')}.`,
      }),
    );
    return issues;
  }
  const kind = SOURCE_CATALOG[source.name].kind;
  const wanted = widget === 'association-layers' ? 'groups' : 'options';
  if (kind !== wanted || !['association-layers', 'select', 'radio', 'checkboxes'].includes(widget)) {
    issues.push(
      context.issue(`${pointer}/name`, 'source-widget-mismatch', {
        ja: `「${source.name}」は${kind === 'groups' ? '医師会グループ' : '選択肢'}の出どころで、「${name}」の部品 ${widget} には使えません。${kind === 'groups' ? 'association-layers' : 'select / radio / checkboxes'} と組み合わせてください。`,
        en: `"${source.name}" gives ${kind}, which the ${widget} widget of "${name}" cannot show. Use it with ${kind === 'groups' ? 'association-layers' : 'select, radio or checkboxes'}.`,
      }),
    );
  }
  if (source.dependsOn !== undefined) {
    const parent = source.dependsOn;
    const parentStep = context.askedIn.get(parent);
    const ownStep = context.askedIn.get(name);
    const order = Object.keys(context.properties);
    const before =
      parentStep !== undefined &&
      ownStep !== undefined &&
      (parentStep < ownStep ||
        (parentStep === ownStep && stepOrder(context, parentStep, parent) < stepOrder(context, ownStep, name)));
    if (!Object.hasOwn(context.properties, parent) || parent === name || !before) {
      issues.push(
        context.issue(`${pointer}/dependsOn`, 'source-depends-on', {
          ja: `「${name}」の dependsOn「${parent}」は、「${name}」より前に尋ねる項目でなければなりません。${order.includes(parent) ? '項目の順序を直してください。' : 'schema.properties にある項目名にしてください。'}`,
          en: `dependsOn "${parent}" of "${name}" must be a field asked before "${name}". ${order.includes(parent) ? 'Reorder the fields.' : 'Use a name from schema.properties.'}`,
        }),
      );
    }
  }
  return issues;
}

function stepOrder(context: CheckContext, stepIndex: number, name: string): number {
  const step = context.definition.steps[stepIndex];
  return step?.type === 'fields' ? step.fields.indexOf(name) : -1;
}

/** Why a widget cannot edit a schema, or undefined when it fits. */
function schemaMisfit(widget: WidgetName, schema: JsonSchema): { ja: string; en: string } | undefined {
  const type = schema.type;
  const fits = (() => {
    switch (widget) {
      case 'text':
      case 'textarea':
      case 'radio':
      case 'select':
        return type === 'string' || (type === undefined && Array.isArray(schema.enum));
      case 'date':
        return type === 'string' && schema.format === 'date';
      case 'number':
        return type === 'number' || type === 'integer';
      case 'checkbox':
        return type === 'boolean';
      case 'checkboxes':
        return type === 'array';
      case 'association-layers': {
        const properties = (schema.properties ?? {}) as Record<string, unknown>;
        return type === 'object' && 'groupId' in properties && 'associationIds' in properties;
      }
      default: {
        const exhaustive: never = widget;
        return exhaustive;
      }
    }
  })();
  if (fits) return undefined;
  const expected: Record<WidgetName, string> = {
    text: '"type": "string"',
    textarea: '"type": "string"',
    radio: '"type": "string" と "enum"',
    select: '"type": "string"',
    date: '"type": "string", "format": "date"',
    number: '"type": "number" または "integer"',
    checkbox: '"type": "boolean"',
    checkboxes: '"type": "array"',
    'association-layers': '"type": "object" と groupId, associationIds の properties',
  };
  return {
    ja: `部品 ${widget} には schema に ${expected[widget]} が必要です。schema か widget を直してください。`,
    en: `The ${widget} widget needs a schema with ${expected[widget].replace(' と ', ' and ').replace(' または ', ' or ')}. Fix the schema or the widget.`,
  };
}
