import { type CrossCheck, token } from '../check-context.js';
import type { DefinitionIssue } from '../definition-issue.js';

/** Mail hooks name templates that exist; the workflow's date is an always-asked date field. */
export const references: CrossCheck = (context) => {
  const issues: DefinitionIssue[] = [];
  const { templates, definition } = context;
  if (templates) {
    for (const [index, hook] of (definition.mail ?? []).entries()) {
      if (!templates.has(hook.template)) {
        issues.push(
          context.issue(`/mail/${index}/template`, 'template-missing', {
            ja: `メールテンプレート「${hook.template}」がありません。templates/${hook.template}/ を作るか、名前を直してください。`,
            en: `There is no mail template "${hook.template}". Create templates/${hook.template}/ or fix the name.`,
          }),
        );
      }
    }
  }
  const effective = definition.workflow?.effectiveDate;
  if (effective !== undefined) {
    const schema = context.properties[effective];
    const required = ((definition.schema.required as string[] | undefined) ?? []).includes(effective);
    const conditional = definition.fields[effective]?.visibleWhen !== undefined;
    if (schema?.format !== 'date' || !required || conditional) {
      issues.push(
        context.issue('/workflow/effectiveDate', 'effective-date-field', {
          ja: `workflow.effectiveDate「${effective}」は、常に表示される必須の日付項目（"format": "date"）でなければなりません。`,
          en: `workflow.effectiveDate "${effective}" must be a required, always shown date field ("format": "date").`,
        }),
      );
    }
  }
  const facility = definition.workflow?.facility;
  if (facility !== undefined) {
    const schema = context.properties[facility];
    const required = ((definition.schema.required as string[] | undefined) ?? []).includes(facility);
    if (schema?.type !== 'string' || !required || definition.fields[facility]?.visibleWhen !== undefined) {
      issues.push(
        context.issue('/workflow/facility', 'facility-field', {
          ja: `workflow.facility「${facility}」は、常に表示される必須の文字列項目でなければなりません。`,
          en: `workflow.facility "${facility}" must be a required, always shown text field.`,
        }),
      );
    }
  }
  const joins = Object.values(definition.fields).some((ui) => ui.targetRole === 'join');
  if (joins && facility === undefined) {
    issues.push(
      context.issue('/workflow', 'facility-missing', {
        ja: '入会(join)する医師会を選ぶ項目があるので、新しいグループの所属施設名を持つ項目を workflow.facility に指定してください。',
        en: "A field joins associations, so name the field holding the new group's facility in workflow.facility.",
      }),
    );
  }
  const targets = Object.entries(definition.fields).filter(([, ui]) => ui.widget === 'association-layers');
  for (const [name, ui] of targets) {
    if (ui.targetRole === undefined) {
      issues.push(
        context.issue(`/fields/${token(name)}`, 'target-role-missing', {
          ja: `「${name}」に targetRole がありません。承認時に退会なら "leave"、入会なら "join" を指定してください。`,
          en: `"${name}" has no targetRole. Use "leave" when approval ends a membership, "join" when it starts one.`,
        }),
      );
    }
  }
  return issues;
};
