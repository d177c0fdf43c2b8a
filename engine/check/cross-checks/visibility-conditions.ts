import type { JsonScalar, JsonSchema } from '../../definition/form-definition.js';
import { type CrossCheck, token } from '../check-context.js';

/**
 * A condition names a real field other than its own, asked no later than the field it governs,
 * and compares it with values that field can hold.
 */
export const visibilityConditions: CrossCheck = (context) => {
  const issues = [];
  for (const [name, ui] of Object.entries(context.definition.fields)) {
    if (!ui.visibleWhen) continue;
    for (const [target, expected] of Object.entries(ui.visibleWhen)) {
      const pointer = `/fields/${token(name)}/visibleWhen/${token(target)}`;
      const targetSchema = context.properties[target];
      if (!Object.hasOwn(context.properties, target) || !targetSchema) {
        issues.push(
          context.issue(pointer, 'condition-unknown-field', {
            ja: `「${name}」の表示条件が、存在しない項目「${target}」を参照しています。schema.properties にある項目名にしてください。`,
            en: `The condition of "${name}" names "${target}", which is not a property. Use a name from schema.properties.`,
          }),
        );
        continue;
      }
      if (target === name) {
        issues.push(
          context.issue(pointer, 'condition-on-itself', {
            ja: `「${name}」の表示条件が自分自身を参照しています。別の項目の値で条件を書いてください。`,
            en: `The condition of "${name}" names the field itself. Base it on another field.`,
          }),
        );
        continue;
      }
      const governed = context.askedIn.get(name);
      const governing = context.askedIn.get(target);
      if (governed !== undefined && (governing === undefined || governing > governed)) {
        issues.push(
          context.issue(pointer, 'condition-field-later', {
            ja: `「${name}」の表示条件の項目「${target}」が、「${name}」より後のステップ（または どのステップでもない）で尋ねられています。同じか前のステップで尋ねてください。`,
            en: `The condition of "${name}" names "${target}", which is asked in a later step (or none). Ask it in the same or an earlier step.`,
          }),
        );
      }
      const allowed = possibleValues(targetSchema);
      const values = Array.isArray(expected) ? expected : [expected];
      for (const [index, value] of values.entries()) {
        if (allowed && !allowed.includes(value)) {
          issues.push(
            context.issue(Array.isArray(expected) ? `${pointer}/${index}` : pointer, 'condition-unknown-value', {
              ja: `「${name}」の表示条件の値 ${JSON.stringify(value)} は「${target}」の選択肢（${allowed.map((v) => JSON.stringify(v)).join(', ')}）にありません。`,
              en: `The condition of "${name}" compares "${target}" with ${JSON.stringify(value)}, which is not one of its values (${allowed.map((v) => JSON.stringify(v)).join(', ')}).`,
            }),
          );
        }
      }
    }
  }
  return issues;
};

/** The values a property can hold when they are a closed set (enum, const, boolean). */
function possibleValues(schema: JsonSchema): readonly JsonScalar[] | undefined {
  if (Array.isArray(schema.enum)) return schema.enum as JsonScalar[];
  if (schema.const !== undefined) return [schema.const as JsonScalar];
  if (schema.type === 'boolean') return [true, false];
  return undefined;
}
