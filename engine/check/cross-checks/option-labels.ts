import type { JsonSchema } from '../../definition/form-definition.js';
import { type CrossCheck, token } from '../check-context.js';

/** A field with a fixed set of values labels every value and nothing else. */
export const optionLabels: CrossCheck = (context) => {
  const issues = [];
  for (const [name, schema] of Object.entries(context.properties)) {
    const ui = context.definition.fields[name];
    if (!ui) continue;
    const values = enumValues(schema);
    const pointer = `/fields/${token(name)}`;
    if (!values) {
      if (ui.options && !ui.source) {
        issues.push(
          context.issue(`${pointer}/options`, 'options-without-enum', {
            ja: `「${name}」に options がありますが、schema に enum がありません。schema に "enum": [${Object.keys(
              ui.options,
            )
              .map((v) => JSON.stringify(v))
              .join(', ')}] を書いてください。`,
            en: `"${name}" has options but its schema has no enum. Add "enum": [${Object.keys(ui.options)
              .map((v) => JSON.stringify(v))
              .join(', ')}].`,
          }),
        );
      }
      continue;
    }
    const labels = ui.options ?? {};
    for (const value of values) {
      if (!Object.hasOwn(labels, String(value))) {
        issues.push(
          context.issue(`${pointer}/options`, 'option-label-missing', {
            ja: `「${name}」の選択肢 ${JSON.stringify(value)} に表示名がありません。options に "${value}": { "ja": "…", "en": "…" } を追加してください。`,
            en: `The value ${JSON.stringify(value)} of "${name}" has no label. Add "${value}": { "ja": "…", "en": "…" } to its options.`,
          }),
        );
      }
    }
    for (const key of Object.keys(labels)) {
      if (!values.some((value) => String(value) === key)) {
        issues.push(
          context.issue(`${pointer}/options/${token(key)}`, 'option-label-unknown', {
            ja: `「${name}」の options にある「${key}」は enum にない値です。enum に加えるか、この表示名を削除してください。`,
            en: `"${key}" in the options of "${name}" is not in its enum. Add it to the enum or remove the label.`,
          }),
        );
      }
    }
  }
  return issues;
};

function enumValues(schema: JsonSchema): readonly unknown[] | undefined {
  if (Array.isArray(schema.enum)) return schema.enum;
  const items = schema.items as JsonSchema | undefined;
  if (schema.type === 'array' && items && Array.isArray(items.enum)) return items.enum;
  return undefined;
}
