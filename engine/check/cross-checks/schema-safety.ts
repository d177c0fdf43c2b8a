import type { JsonSchema } from '../../definition/form-definition.js';
import type { CrossCheck } from '../check-context.js';
import type { DefinitionIssue } from '../definition-issue.js';

/**
 * Definitions are input too: a data schema must not let a request make the server work without
 * bound. Refused here: a `pattern` that can backtrack catastrophically (a quantified group that
 * itself contains a quantifier, or a back-reference), a `pattern` on a string with no length
 * limit, and a `$ref` that refers back to a schema containing it (recursion).
 */
export const schemaSafety: CrossCheck = (context) => {
  const issues: DefinitionIssue[] = [];
  walk(context.definition.schema, '/schema', [], (schema, pointer, ancestors) => {
    if (ancestors.length > MAX_SCHEMA_DEPTH) {
      issues.push(
        context.issue(pointer, 'schema-too-deep', {
          ja: `schema の入れ子が深すぎます（${MAX_SCHEMA_DEPTH}段まで）。申請データは平らな項目で書いてください。`,
          en: `The schema nests too deeply (at most ${MAX_SCHEMA_DEPTH} levels). Keep the data flat.`,
        }),
      );
      return false;
    }
    // The keys of patternProperties are patterns too, run against every key of the data.
    const keyPatterns = schema.patternProperties;
    if (keyPatterns && typeof keyPatterns === 'object') {
      for (const key of Object.keys(keyPatterns)) {
        const problem = patternProblem(key);
        if (!problem) continue;
        issues.push(
          context.issue(
            `${pointer}/patternProperties/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`,
            'pattern-unsafe',
            {
              ja: `patternProperties のキー ${JSON.stringify(key)} は${problem.ja}ため使えません。`,
              en: `The patternProperties key ${JSON.stringify(key)} ${problem.en}.`,
            },
          ),
        );
      }
    }
    if (typeof schema.pattern === 'string') {
      const problem = patternProblem(schema.pattern);
      if (problem) {
        issues.push(
          context.issue(`${pointer}/pattern`, 'pattern-unsafe', {
            ja: `pattern ${JSON.stringify(schema.pattern)} は${problem.ja}ため使えません。量指定子を入れ子にしない書き方にしてください（例: "^[0-9]{3}-?[0-9]{4}$"）。`,
            en: `The pattern ${JSON.stringify(schema.pattern)} ${problem.en}. Write it without nested quantifiers (e.g. "^[0-9]{3}-?[0-9]{4}$").`,
          }),
        );
      } else if (schema.maxLength === undefined && schema.maxCharacters === undefined) {
        issues.push(
          context.issue(pointer, 'pattern-unbounded', {
            ja: 'pattern を使う文字列には maxLength か maxCharacters で長さの上限を付けてください。',
            en: 'Give a string with a pattern a length limit (maxLength or maxCharacters).',
          }),
        );
      }
    }
    if (typeof schema.$ref === 'string') {
      const target = schema.$ref;
      // A reference may only lead from the properties into $defs, never from one $def to
      // another or back up: then no chain of references can come round to where it started.
      const recursive = target === '#' || ancestors.some((ancestor) => ancestor.startsWith('/$defs/'));
      if (recursive || !/^#\/\$defs\/[^/]+$/.test(target)) {
        issues.push(
          context.issue(`${pointer}/$ref`, recursive ? 'ref-recursive' : 'ref-unsupported', {
            ja: recursive
              ? `$ref "${target}" は再帰になりうるため使えません（$defs の中から $ref は使えません）。申請データは入れ子にせず、平らな項目で書いてください。`
              : `$ref "${target}" は使えません。参照できるのは同じ schema の "#/$defs/…" だけです。`,
            en: recursive
              ? `$ref "${target}" could recurse ($ref is not allowed inside $defs). Keep the data flat.`
              : `$ref "${target}" is not supported; only "#/$defs/…" in the same schema can be referenced.`,
          }),
        );
      }
    }
    return true;
  });
  return issues;
};

/** Far deeper than any form's data; deeper schemas are refused before anything recurses into them. */
const MAX_SCHEMA_DEPTH = 32;

/** Why a pattern is unsafe, or undefined when it is linear enough to run on any input. */
export function patternProblem(pattern: string): { ja: string; en: string } | undefined {
  try {
    new RegExp(pattern, 'u');
  } catch {
    return { ja: '正規表現として正しくない', en: 'is not a valid regular expression' };
  }
  if (/\\[1-9]|\\k</.test(pattern)) return { ja: '後方参照を含む', en: 'uses a back-reference' };
  // Each open group remembers whether a quantifier occurred inside it.
  const groups: boolean[] = [];
  let lastGroupQuantified = false;
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index];
    if (char === '\\') {
      index++;
      lastGroupQuantified = false;
      continue;
    }
    if (char === '[') {
      // Skip a character class: quantifier characters inside it are literals.
      while (index < pattern.length && pattern[index] !== ']') index += pattern[index] === '\\' ? 2 : 1;
      lastGroupQuantified = false;
      continue;
    }
    if (char === '(') {
      groups.push(false);
      continue;
    }
    if (char === ')') {
      lastGroupQuantified = groups.pop() ?? false;
      if (lastGroupQuantified && groups.length > 0) groups[groups.length - 1] = true;
      const next = pattern[index + 1];
      if (lastGroupQuantified && (next === '*' || next === '+' || next === '{')) {
        return {
          ja: '入れ子の繰り返し（例: (a+)+）を含み、長い入力で処理が終わらなくなる',
          en: 'nests repetition (like (a+)+), which can run for ever on long input',
        };
      }
      continue;
    }
    if (char === '*' || char === '+' || char === '{' || char === '?') {
      if (groups.length > 0 && char !== '?') groups[groups.length - 1] = true;
    }
    lastGroupQuantified = false;
  }
  return undefined;
}

/** Returns false to leave the subschemas of this one unvisited. */
type Visit = (schema: JsonSchema, pointer: string, ancestors: readonly string[]) => boolean;

/** Visits every subschema with its pointer (relative to the definition) and its ancestors' pointers within the schema. */
function walk(schema: unknown, pointer: string, ancestors: readonly string[], visit: Visit): void {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return;
  const node = schema as JsonSchema;
  const own = pointer.replace(/^\/schema/, '');
  if (!visit(node, pointer, ancestors)) return;
  const inside = [...ancestors, own];
  for (const [keyword, value] of Object.entries(node)) {
    if (
      ['properties', '$defs', 'patternProperties', 'dependentSchemas'].includes(keyword) &&
      value &&
      typeof value === 'object'
    ) {
      for (const [name, child] of Object.entries(value as Record<string, unknown>)) {
        walk(child, `${pointer}/${keyword}/${name.replaceAll('~', '~0').replaceAll('/', '~1')}`, inside, visit);
      }
    } else if (['allOf', 'anyOf', 'oneOf', 'prefixItems'].includes(keyword) && Array.isArray(value)) {
      for (const [index, child] of value.entries()) walk(child, `${pointer}/${keyword}/${index}`, inside, visit);
    } else if (
      ['items', 'not', 'if', 'then', 'else', 'contains', 'additionalProperties', 'propertyNames'].includes(keyword)
    ) {
      walk(value, `${pointer}/${keyword}`, inside, visit);
    }
  }
}
