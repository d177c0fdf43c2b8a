import type { CrossCheck } from '../check-context.js';

/** Every field a step names is a property of the schema, and no step asks a field twice. */
export const stepFieldsExist: CrossCheck = (context) => {
  const issues = [];
  const seen = new Map<string, number>();
  for (const [stepIndex, step] of context.definition.steps.entries()) {
    if (step.type !== 'fields') continue;
    for (const [fieldIndex, name] of step.fields.entries()) {
      const pointer = `/steps/${stepIndex}/fields/${fieldIndex}`;
      if (!Object.hasOwn(context.properties, name)) {
        issues.push(
          context.issue(pointer, 'step-field-unknown', {
            ja: `ステップ「${step.id}」の項目「${name}」が schema.properties にありません。schema.properties に「${name}」を追加するか、項目名の綴りを直してください。`,
            en: `Step "${step.id}" names "${name}", which is not in schema.properties. Add it to schema.properties or fix the spelling.`,
          }),
        );
      }
      const earlier = seen.get(name);
      if (earlier !== undefined && earlier !== stepIndex) {
        issues.push(
          context.issue(pointer, 'step-field-twice', {
            ja: `項目「${name}」が複数のステップで尋ねられています（/steps/${earlier} と /steps/${stepIndex}）。どちらか一方から外してください。`,
            en: `"${name}" is asked in two steps (/steps/${earlier} and /steps/${stepIndex}). Remove it from one of them.`,
          }),
        );
      }
      seen.set(name, stepIndex);
    }
  }
  return issues;
};
