import type { FormDefinition, JsonSchema, VisibleWhen } from '../definition/form-definition.js';

/**
 * The schema Ajv compiles. Staff list a conditional field in `required` and give it a
 * `visibleWhen`; here such a field leaves `required` and comes back as `if/then`, so it is
 * required exactly while it is shown, and the condition is written once.
 */
export function deriveDataSchema(definition: FormDefinition): JsonSchema {
  const schema = definition.schema;
  const required = (schema.required as string[] | undefined) ?? [];
  const conditional: JsonSchema[] = [];
  const always: string[] = [];
  for (const name of required) {
    const condition = definition.fields[name]?.visibleWhen;
    // biome-ignore lint/suspicious/noThenProperty: `then` is the JSON Schema keyword here.
    if (condition) conditional.push({ if: conditionSchema(condition), then: { required: [name] } });
    else always.push(name);
  }
  if (conditional.length === 0) return schema;
  const allOf = [...((schema.allOf as JsonSchema[] | undefined) ?? []), ...conditional];
  return { ...schema, required: always, allOf };
}

function conditionSchema(condition: VisibleWhen): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const [name, expected] of Object.entries(condition)) {
    properties[name] = Array.isArray(expected) ? { enum: expected } : { const: expected };
  }
  return { properties, required: Object.keys(condition) };
}
