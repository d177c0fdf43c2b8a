import { _, stringify } from 'ajv';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneModule from 'ajv/dist/standalone/index.js';
import type { SourceCode } from 'ajv/dist/types/index.js';
import type { CompiledForm } from './compile-form.js';
import { createDataAjv } from './create-ajv.js';

// Ajv's standalone entry is CommonJS; under NodeNext its default import is the module object.
const toSource = standaloneModule.default;

/**
 * A string literal of Ajv's generated code (always double-quoted JSON), or an error object's
 * `schemaPath:"#/…",` entry. Matching literals whole means the entry is never found inside one.
 */
const LITERAL_OR_SCHEMA_PATH = /"(?:[^"\\]|\\.)*"|(?<=[{,])schemaPath:"(?:[^"\\]|\\.)*",/g;

/**
 * The data schema of a form as an ES module with no `new Function` and no Ajv: its default
 * export takes the validator runtime's `require` and returns the validate function. Browsers
 * load it under a strict Content-Security-Policy.
 *
 * Every page with a form downloads this module, so its errors carry only what the engine's
 * error mapping reads: `instancePath`, `keyword` and `params`. They leave out `schemaPath`, which
 * spelled out a path at every check, and the allowed values of `enum` and `const`, which embedded
 * the whole schema in the module. The code is Ajv's, with less of what Ajv writes for every
 * schema: no tracking of evaluated properties where no keyword needs it, one `pushError` where
 * each error was pushed in full, schema constants cut to what the code reads, and no validation
 * context nobody reads. Each step leaves what it cannot follow as Ajv wrote it.
 */
export function standaloneValidatorModule(form: CompiledForm): string {
  // The form was checked when it was compiled: its schema need not meet the meta-schema again.
  const ajv = createDataAjv({ validateSchema: false });
  withoutAllowedValues(ajv);
  withoutEvaluatedTracking(ajv, form.dataSchema);
  const validate = ajv.compile(form.dataSchema);
  const source = validate.source;
  if (!source) throw new Error('Ajv kept no source of the validator: `code.source` must be on.');
  dropUnusedSchemas(source);
  const validateName = source.validateName.str;
  // The factory returns the function itself: no CommonJS `module` is needed to hand it over.
  const commonJsExports = `"use strict";module.exports = ${validateName};module.exports.default = ${validateName};`;
  let code = toSource(ajv, validate);
  if (pruneSchemaConstants(source, code)) code = toSource(ajv, validate);
  if (!code.startsWith(commonJsExports)) throw new Error('Ajv wrote a standalone module of an unknown shape.');
  const body = withoutUnusedContext(
    pushErrorsThroughHelper(
      code
        .slice(commonJsExports.length)
        .replace(LITERAL_OR_SCHEMA_PATH, (match) => (match.startsWith('"') ? match : '')),
    ),
  );
  return [
    `// Precompiled validator of form "${form.id}" version ${form.version}. Generated; do not edit.`,
    'export default function createValidator(require) {',
    body,
    `  return ${validateName};`,
    '}',
    '',
  ].join('\n');
}

/** `enum` and `const` errors without the allowed values, which Ajv reads from the schema. */
function withoutAllowedValues(ajv: Ajv2020): void {
  for (const keyword of ['enum', 'const']) {
    const rule = ajv.RULES.all[keyword];
    // This instance's own copy of the keyword's definition: the checks themselves stay the same.
    if (typeof rule === 'object' && rule.definition.error) {
      rule.definition.error = { ...rule.definition.error, params: _`{}` };
    }
  }
}

/** Ajv writes out each schema as a constant whether or not the code refers to it. */
function dropUnusedSchemas(source: SourceCode): void {
  const schemas = source.scopeValues.schema;
  if (!schemas) return;
  for (const name of schemas) {
    if (!new RegExp(`\\b${name.str}\\b`).test(source.validateCode)) schemas.delete(name);
  }
}

/** Keywords that need Ajv's record of evaluated properties and items, or its dynamic scope. */
const EVALUATION_KEYWORDS = new Set([
  'unevaluatedProperties',
  'unevaluatedItems',
  '$dynamicRef',
  '$dynamicAnchor',
  '$recursiveRef',
  '$recursiveAnchor',
]);

/**
 * Ajv 2020 makes every validator track which properties and items it evaluated (for
 * `unevaluatedProperties`, `unevaluatedItems` and dynamic references) and take dynamic anchors:
 * code in every function and a `validate.evaluated` record the engine never reads. A schema
 * that names none of those keywords (anywhere, even as a property name: it errs on keeping)
 * checks the same without it.
 */
function withoutEvaluatedTracking(ajv: Ajv2020, schema: unknown): void {
  if (namesAnyKey(schema, EVALUATION_KEYWORDS)) return;
  // Read when Ajv compiles; this instance compiles this one schema only.
  ajv.opts.unevaluated = false;
  ajv.opts.dynamicRef = false;
}

function namesAnyKey(value: unknown, keys: ReadonlySet<string>): boolean {
  if (Array.isArray(value)) return value.some((item) => namesAnyKey(item, keys));
  if (typeof value !== 'object' || value === null) return false;
  return Object.entries(value).some(([key, item]) => keys.has(key) || namesAnyKey(item, keys));
}

/** A property access Ajv writes after a name: `.properties`, `["a-b"]` or `[0]`. */
const ACCESS = /\.([A-Za-z_$][\w$]*)|\[("(?:[^"\\]|\\.)*"|\d+)\]/y;

/**
 * A schema constant that the code reads is written out whole, though the code reads only parts
 * of it: above eight properties, Ajv's `additionalProperties` looks each data key up in
 * `schemaN.properties` with `hasOwnProperty`, which needs the keys only, not the property
 * schemas. The constant keeps every part the module's code reads (`code`: all of its functions,
 * as Ajv wrote them out): whole where read otherwise, keys only where only looked up. Anything
 * it cannot follow (a bare reference, a method, an inherited property) keeps the constant as it
 * was. Returns whether it changed one: the module must then be written out again.
 */
function pruneSchemaConstants(source: SourceCode, code: string): boolean {
  const schemas = source.scopeValues.schema;
  if (!schemas) return false;
  // Ajv's names are the instance's: `func0` is the same function in every validate function.
  const hasOwn = [...(source.scopeValues.func ?? [])]
    .filter((name) => name.value?.ref === Object.prototype.hasOwnProperty)
    .map((name) => `${name.str}.call(`);
  let changed = false;
  for (const name of schemas) {
    const schema = name.value?.ref;
    if (typeof schema !== 'object' || schema === null || !name.value) continue;
    const reads = readsOf(code, name.str, hasOwn);
    const pruned = reads && prunedValue(schema, reads);
    if (pruned === undefined) continue;
    name.value.code = stringify(pruned);
    changed = true;
  }
  return changed;
}

interface SchemaRead {
  readonly path: readonly string[];
  readonly keysOnly: boolean;
}

/** Every read of the constant `name` in the code, or undefined if one cannot be followed. */
function readsOf(code: string, name: string, hasOwn: readonly string[]): SchemaRead[] | undefined {
  const reads: SchemaRead[] = [];
  const declaration = `const ${name} = `;
  const occurrence = new RegExp(`"(?:[^"\\\\]|\\\\.)*"|(?<![\\w$.])${name.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');
  for (const match of code.matchAll(occurrence)) {
    if (match[0].startsWith('"')) continue;
    if (code.startsWith(declaration, match.index - 'const '.length)) continue;
    const path: string[] = [];
    // A failed sticky match resets `lastIndex`: the end is kept apart.
    let end = match.index + match[0].length;
    ACCESS.lastIndex = end;
    for (let access = ACCESS.exec(code); access; access = ACCESS.exec(code)) {
      path.push(access[1] ?? (access[2]!.startsWith('"') ? (JSON.parse(access[2]!) as string) : access[2]!));
      end = ACCESS.lastIndex;
    }
    // A call on it (`schemaN.x.includes(…)`) is a read of a method, not of the schema.
    if (path.length === 0 || code[end] === '(' || path.includes('__proto__')) return undefined;
    const keysOnly = hasOwn.some((call) => code.endsWith(call, match.index)) && code.startsWith(', ', end);
    reads.push({ path, keysOnly });
  }
  return reads;
}

/** The constant with only what the reads reach, or undefined if a read is not of own data. */
function prunedValue(schema: object, reads: readonly SchemaRead[]): object | undefined {
  const pruned: Record<string, unknown> = {};
  // Keys-only reads first: a whole read of the same part or one above it then replaces them.
  const ordered = [...reads.filter((read) => read.keysOnly), ...reads.filter((read) => !read.keysOnly)];
  for (const { path, keysOnly } of ordered) {
    let original: unknown = schema;
    for (const key of path) {
      if (typeof original !== 'object' || original === null || !Object.hasOwn(original, key)) return undefined;
      original = (original as Record<string, unknown>)[key];
    }
    if (keysOnly && (typeof original !== 'object' || original === null || Array.isArray(original))) return undefined;
    let target = pruned;
    for (const key of path.slice(0, -1)) {
      const next = target[key];
      // A key set to 0 by a keys-only read above becomes the object this read reaches into.
      if (typeof next !== 'object' || next === null) target[key] = {};
      target = target[key] as Record<string, unknown>;
    }
    const last = path[path.length - 1]!;
    const existing = target[last];
    target[last] = keysOnly
      ? {
          ...Object.fromEntries(Object.keys(original as object).map((key) => [key, 0])),
          // What a keys-only read below this one already put there stays.
          ...(typeof existing === 'object' && existing !== null ? existing : {}),
        }
      : // A copy: a later read below it writes into it, never into the form's schema.
        (JSON.parse(JSON.stringify(original)) as unknown);
  }
  return pruned;
}

/** The validation context each validate function of Ajv's takes, without dynamic anchors. */
const CONTEXT = '{instancePath="", parentData, parentDataProperty, rootData=data}={}';
const CONTEXT_NAMES = /"(?:[^"\\]|\\.)*"|(?<![\w$])(?:parentData|parentDataProperty|rootData)(?![\w$])/g;

/**
 * Every validate function takes its parent data and the root data, for references to other
 * validate functions and for `$data`; a form's seldom has either. When the names appear nowhere
 * but in those signatures (strings aside; a data property of that name counts, erring on
 * keeping), the signatures take the instance path only: the engine passes no context.
 */
export function withoutUnusedContext(code: string): string {
  const signatures = code.split(CONTEXT).length - 1;
  const uses = [...code.matchAll(CONTEXT_NAMES)].filter(([match]) => !match.startsWith('"')).length;
  // Each signature names the three once.
  if (signatures === 0 || uses !== signatures * 3) return code;
  return code.replaceAll(CONTEXT, '{instancePath=""}={}');
}

/** How each validate function of Ajv's starts, with every error reported (`allErrors`). */
const ERRORS_START = 'let vErrors = null;let errors = 0;';

/** Its own names end in a number: this one cannot collide with them. */
const PUSH_ERROR = 'pushError';

const ERROR_OBJECT_START = /const (err\d+) = \{/y;

/**
 * Ajv writes out every error it reports in full: `const errN = {…};if(vErrors === null)
 * {vErrors = [errN];}else {vErrors.push(errN);}errors++;`, over a hundred times in a form. Each
 * becomes a call of `pushError`, one function per validate function that does the same with that
 * function's `vErrors` and `errors`. An error of the usual three parts is passed as them, its
 * path without the function's own `instancePath` (`pushError("/a","required",{…})`), and the
 * helper builds the same object; any other error object is passed as it is. The code is read
 * token by token: a block is replaced only if it is exactly the one above outside any string,
 * its object's braces balanced. Code of a shape not foreseen (a quote other than `"`, a block
 * outside a validate function) is returned unchanged.
 */
export function pushErrorsThroughHelper(code: string): string {
  if (new RegExp(`\\b${PUSH_ERROR}\\b`).test(code)) return code;
  const parts: string[] = [];
  let copied = 0;
  let inFunction = false;
  let index = 0;
  while (index < code.length) {
    const char = code[index];
    if (char === '"') {
      index = endOfString(code, index);
      if (index < 0) return code;
      continue;
    }
    if (char === "'" || char === '`' || (char === '/' && (code[index + 1] === '/' || code[index + 1] === '*')))
      return code;
    if (code.startsWith(ERRORS_START, index)) {
      index += ERRORS_START.length;
      parts.push(
        code.slice(copied, index),
        `function ${PUSH_ERROR}(path, keyword, params){const error = keyword === undefined ? path : {instancePath:instancePath+path,keyword,params};` +
          'if(vErrors === null){vErrors = [error];}else {vErrors.push(error);}errors++;}',
      );
      copied = index;
      inFunction = true;
      continue;
    }
    ERROR_OBJECT_START.lastIndex = index;
    const start = ERROR_OBJECT_START.exec(code);
    if (start) {
      const objectStart = index + start[0].length - 1;
      const objectEnd = endOfBraces(code, objectStart);
      if (objectEnd < 0) return code;
      const name = start[1]!;
      const push = `;if(vErrors === null){vErrors = [${name}];}else {vErrors.push(${name});}errors++;`;
      if (code.startsWith(push, objectEnd)) {
        if (!inFunction) return code;
        const object = code.slice(objectStart, objectEnd);
        parts.push(code.slice(copied, index), `${PUSH_ERROR}(${errorArguments(object) ?? object});`);
        index = copied = objectEnd + push.length;
        continue;
      }
    }
    index++;
  }
  parts.push(code.slice(copied));
  return parts.join('');
}

/**
 * `"/a", "required", {…}` for the error object `{instancePath:instancePath+"/a",keyword:"required",
 * params:{…}}` (or `{instancePath,…}`, the path `""`), or undefined for any other. The path must
 * go on with a string literal: string concatenation then gives the same text grouped either way.
 */
export function errorArguments(object: string): string | undefined {
  const parts = topLevelParts(object.slice(1, -1));
  if (parts?.length !== 3) return undefined;
  const [instancePathPart, keywordPart, paramsPart] = parts as [string, string, string];
  const keyword = /^keyword:("[\w$]+")$/.exec(keywordPart)?.[1];
  if (!keyword || !paramsPart.startsWith('params:')) return undefined;
  const path =
    instancePathPart === 'instancePath'
      ? '""'
      : instancePathPart.startsWith('instancePath:instancePath+"')
        ? instancePathPart.slice('instancePath:instancePath+'.length)
        : undefined;
  return path && `${path},${keyword},${paramsPart.slice('params:'.length)}`;
}

/** The parts of `text` between commas outside brackets and strings, or undefined if unbalanced. */
function topLevelParts(text: string): string[] | undefined {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (char === '"') {
      index = endOfString(text, index);
      if (index < 0) return undefined;
      continue;
    }
    if ('([{'.includes(char)) depth++;
    else if (')]}'.includes(char) && --depth < 0) return undefined;
    else if (char === ',' && depth === 0) {
      parts.push(text.slice(start, index));
      start = index + 1;
    }
    index++;
  }
  if (depth !== 0) return undefined;
  parts.push(text.slice(start));
  return parts;
}

/** The index after the double-quoted string starting at `start`, or -1 if it does not end. */
function endOfString(code: string, start: number): number {
  for (let index = start + 1; index < code.length; index++) {
    if (code[index] === '\\') index++;
    else if (code[index] === '"') return index + 1;
  }
  return -1;
}

/** The index after the brace matching the one at `start`, strings skipped, or -1. */
function endOfBraces(code: string, start: number): number {
  let depth = 0;
  let index = start;
  while (index < code.length) {
    const char = code[index];
    if (char === '"') {
      index = endOfString(code, index);
      if (index < 0) return -1;
      continue;
    }
    if (char === '{') depth++;
    else if (char === '}' && --depth === 0) return index + 1;
    index++;
  }
  return -1;
}
