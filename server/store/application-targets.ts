import { type FieldPlan, isAssociationSelection, type RuntimeForm } from '../../engine/index.js';
import type { TargetRole } from '../db/database.js';

/** One association an application asks to leave or join, and the field that chose it. */
export interface PlannedTarget {
  readonly associationId: string;
  readonly role: TargetRole;
  readonly field: FieldPlan;
  readonly groupId: string;
}

/** The association-layers fields of a form in the order its steps ask them. */
export function associationFields(form: RuntimeForm): FieldPlan[] {
  const fields: FieldPlan[] = [];
  for (const step of form.steps) {
    if (step.type !== 'fields') continue;
    for (const name of step.fields) {
      const field = form.fieldByName.get(name);
      if (field?.widget === 'association-layers') fields.push(field);
    }
  }
  return fields;
}

/**
 * The targets of normalised, valid data: for each association-layers field, its chosen
 * associations with the field's role. `groupKey` is the group of the first such field — the
 * group the one-open-application rule is about.
 */
export function planTargets(form: RuntimeForm, data: Readonly<Record<string, unknown>>) {
  const targets: PlannedTarget[] = [];
  let groupKey: string | undefined;
  for (const field of associationFields(form)) {
    const selection = data[field.name];
    const role = field.ui.targetRole;
    if (!isAssociationSelection(selection) || !role) continue;
    groupKey ??= selection.groupId;
    for (const associationId of selection.associationIds) {
      targets.push({ associationId, role, field, groupId: selection.groupId });
    }
  }
  return { groupKey: groupKey ?? '', targets };
}

/** The planned target of one association, to know its field and group when it is decided. */
export function findTarget(
  form: RuntimeForm,
  data: Readonly<Record<string, unknown>>,
  associationId: string,
  role: TargetRole,
): PlannedTarget | undefined {
  return planTargets(form, data).targets.find(
    (target) => target.associationId === associationId && target.role === role,
  );
}
