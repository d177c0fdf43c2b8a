import { type CrossCheck, fieldUi, token } from '../check-context.js';

/**
 * Every property is either asked in a step (and then has a label in `fields`) or listed in
 * `derived`; every entry of `fields` and `derived` is a real property.
 */
export const propertiesCovered: CrossCheck = (context) => {
  const issues = [];
  const derived = new Set(context.definition.derived ?? []);
  for (const name of Object.keys(context.properties)) {
    const pointer = `/schema/properties/${token(name)}`;
    const asked = context.askedIn.has(name);
    if (!asked && !derived.has(name)) {
      issues.push(
        context.issue(pointer, 'property-not-asked', {
          ja: `項目「${name}」はどのステップでも尋ねられていません。fields ステップの fields に加えるか、サーバーが埋める項目なら derived に加えてください。`,
          en: `"${name}" is asked in no step. Add it to a fields step, or list it in "derived" if the server fills it.`,
        }),
      );
    }
    if (asked && derived.has(name)) {
      issues.push(
        context.issue(`/derived/${[...derived].indexOf(name)}`, 'derived-but-asked', {
          ja: `項目「${name}」は derived ですが、ステップでも尋ねられています。どちらか一方にしてください。`,
          en: `"${name}" is listed in "derived" but a step asks it too. Keep only one.`,
        }),
      );
    }
    if (asked && !fieldUi(context, name)) {
      issues.push(
        context.issue(`/fields`, 'field-without-label', {
          ja: `項目「${name}」の表示設定がありません。fields に "${name}": { "label": { "ja": "…", "en": "…" } } を追加してください。`,
          en: `"${name}" has no entry in "fields". Add "${name}": { "label": { "ja": "…", "en": "…" } }.`,
        }),
      );
    }
  }
  for (const name of Object.keys(context.definition.fields)) {
    if (!Object.hasOwn(context.properties, name)) {
      issues.push(
        context.issue(`/fields/${token(name)}`, 'field-not-in-schema', {
          ja: `fields の「${name}」は schema.properties にない項目です。schema に追加するか、この設定を削除してください。`,
          en: `fields has "${name}", which is not in schema.properties. Add it to the schema or remove this entry.`,
        }),
      );
    }
  }
  for (const [index, name] of (context.definition.derived ?? []).entries()) {
    if (!Object.hasOwn(context.properties, name)) {
      issues.push(
        context.issue(`/derived/${index}`, 'derived-not-in-schema', {
          ja: `derived の「${name}」は schema.properties にない項目です。schema.properties に追加するか、derived から外してください。`,
          en: `derived names "${name}", which is not in schema.properties. Add it to schema.properties or remove it from "derived".`,
        }),
      );
    }
  }
  const required = (context.definition.schema.required as string[] | undefined) ?? [];
  for (const [index, name] of required.entries()) {
    if (!Object.hasOwn(context.properties, name)) {
      issues.push(
        context.issue(`/schema/required/${index}`, 'required-not-in-schema', {
          ja: `required の「${name}」は schema.properties にない項目です。綴りを確認してください。`,
          en: `required names "${name}", which is not in schema.properties. Check the spelling.`,
        }),
      );
    }
  }
  return issues;
};
