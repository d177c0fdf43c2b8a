/**
 * What a JSON Schema (the form definition meta-schema) says about a place in a document: the
 * subschemas that apply at a path, the keys an object there may have, the values a key may take,
 * and their descriptions. Pure; the editor's completion and hover are built on it.
 */

/** A JSON Schema node, as read from the meta-schema's JSON. */
export type SchemaNode = Readonly<Record<string, unknown>>;
/** Object keys and array indexes from the document's root. */
export type JsonPath = readonly (string | number)[];
/** The scalar values an object already has, by key: they pick the branches of `if`/`oneOf`. */
export type Siblings = ReadonlyMap<string, unknown>;

export interface KeySuggestion {
  readonly key: string;
  readonly description: string | undefined;
  readonly required: boolean;
}

/** The subschemas that apply at `path` (an object's own siblings pick its conditional branches). */
export function schemasAt(root: SchemaNode, path: JsonPath, siblings: Siblings = new Map()): SchemaNode[] {
  let current = expand(root, root, path.length === 0 ? siblings : new Map());
  for (const [index, token] of path.entries()) {
    const next: SchemaNode[] = [];
    for (const schema of current) {
      const child = typeof token === 'number' ? itemSchema(schema, token) : propertySchema(schema, token);
      if (child) next.push(child);
    }
    const last = index === path.length - 1;
    current = next.flatMap((schema) => expand(root, schema, last ? siblings : new Map()));
  }
  return current;
}

/** The keys an object at `path` may have and does not have yet, with their descriptions. */
export function keySuggestions(root: SchemaNode, path: JsonPath, siblings: Siblings): KeySuggestion[] {
  const suggestions = new Map<string, KeySuggestion>();
  const schemas = schemasAt(root, path, siblings);
  const required = new Set(schemas.flatMap((schema) => strings(schema.required)));
  for (const schema of schemas) {
    const properties = record(schema.properties);
    for (const [key, value] of Object.entries(properties ?? {})) {
      if (siblings.has(key) || suggestions.has(key)) continue;
      suggestions.set(key, { key, description: descriptionOf(root, value), required: required.has(key) });
    }
  }
  return [...suggestions.values()];
}

/** The values `enum`, `const` or `type: boolean` allow at `path`. */
export function valueSuggestions(root: SchemaNode, path: JsonPath): unknown[] {
  const values: unknown[] = [];
  const add = (value: unknown) => {
    if (!values.some((known) => JSON.stringify(known) === JSON.stringify(value))) values.push(value);
  };
  for (const schema of schemasAt(root, path)) {
    if (Array.isArray(schema.enum)) for (const value of schema.enum) add(value);
    if (Object.hasOwn(schema, 'const')) add(schema.const);
    if (schema.type === 'boolean') for (const value of [true, false]) add(value);
  }
  return values;
}

/** The first description any subschema at `path` gives. */
export function descriptionAt(root: SchemaNode, path: JsonPath): string | undefined {
  for (const schema of schemasAt(root, path)) if (typeof schema.description === 'string') return schema.description;
  return undefined;
}

/** A schema with its `$ref`, `allOf`/`anyOf`/`oneOf` and the `if` branches that apply, flattened. */
function expand(root: SchemaNode, schema: SchemaNode, siblings: Siblings, depth = 0): SchemaNode[] {
  if (depth > 16) return [];
  const result: SchemaNode[] = [schema];
  const more = (child: unknown) => {
    const node = record(child);
    if (node) result.push(...expand(root, node, siblings, depth + 1));
  };
  if (typeof schema.$ref === 'string') more(resolveRef(root, schema.$ref));
  for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) {
    const branches = schema[keyword];
    if (!Array.isArray(branches)) continue;
    for (const branch of branches) {
      const node = record(branch);
      if (node && (keyword === 'allOf' || fits(root, node, siblings))) more(node);
    }
  }
  const condition = record(schema.if);
  if (condition) {
    const holds = conditionHolds(condition, siblings);
    if (holds !== false) more(schema.then);
    if (holds !== true) more(schema.else);
  }
  return result;
}

/** Whether an `if` holds for the siblings: true, false, or undefined when they do not say. */
function conditionHolds(condition: SchemaNode, siblings: Siblings): boolean | undefined {
  const properties = record(condition.properties);
  if (!properties) return undefined;
  let known = false;
  for (const [key, rule] of Object.entries(properties)) {
    if (!siblings.has(key)) continue;
    known = true;
    if (!allows(record(rule), siblings.get(key))) return false;
  }
  return known ? true : undefined;
}

/** Whether a `oneOf`/`anyOf` branch can fit the siblings (its constants and enums allow them). */
function fits(root: SchemaNode, branch: SchemaNode, siblings: Siblings): boolean {
  const resolved = typeof branch.$ref === 'string' ? (record(resolveRef(root, branch.$ref)) ?? branch) : branch;
  const properties = record(resolved.properties);
  if (!properties) return true;
  for (const [key, value] of siblings) {
    if (Object.hasOwn(properties, key) && !allows(record(properties[key]), value)) return false;
  }
  return true;
}

function allows(rule: SchemaNode | undefined, value: unknown): boolean {
  if (!rule) return true;
  if (Object.hasOwn(rule, 'const')) return JSON.stringify(rule.const) === JSON.stringify(value);
  if (Array.isArray(rule.enum)) return rule.enum.some((allowed) => JSON.stringify(allowed) === JSON.stringify(value));
  return true;
}

function propertySchema(schema: SchemaNode, key: string): SchemaNode | undefined {
  const own = record(record(schema.properties)?.[key]);
  if (own) return own;
  for (const [pattern, value] of Object.entries(record(schema.patternProperties) ?? {})) {
    if (safeTest(pattern, key)) return record(value);
  }
  return record(schema.additionalProperties);
}

function itemSchema(schema: SchemaNode, index: number): SchemaNode | undefined {
  const prefix = schema.prefixItems;
  if (Array.isArray(prefix) && index < prefix.length) return record(prefix[index]);
  return record(schema.items);
}

function descriptionOf(root: SchemaNode, value: unknown): string | undefined {
  const node = record(value);
  if (!node) return undefined;
  for (const schema of expand(root, node, new Map())) {
    if (typeof schema.description === 'string') return schema.description;
  }
  return undefined;
}

/** `#/$defs/name` (any local JSON pointer) in the root schema. */
function resolveRef(root: SchemaNode, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined;
  let node: unknown = root;
  for (const token of ref.slice(1).split('/').slice(1)) {
    node = record(node)?.[token.replaceAll('~1', '/').replaceAll('~0', '~')];
  }
  return node;
}

function safeTest(pattern: string, key: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(key);
  } catch {
    return false;
  }
}

function record(value: unknown): SchemaNode | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as SchemaNode) : undefined;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
