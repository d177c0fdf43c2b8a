import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ErrorObject } from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATA_SCHEMA_META_SCHEMAS, validateFormDefinition } from '../../../engine/check/generated/meta-validators.js';
import { ENGINE_KEYWORDS, JSON_SCHEMA_META_SCHEMA_ID } from '../../../engine/compile/create-ajv.js';
import { createDataAjv, deriveDataSchema, FORM_DEFINITION_META_SCHEMA } from '../../../engine/index.js';
import {
  createDefinitionMetaAjv,
  META_VALIDATORS_FILE,
  metaValidatorsSource,
} from '../../../server/forms/meta-validators-source.js';
import { FORM_IDS, readDefinition } from '../../support/project-forms.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');

// The definition check runs its meta-schemas precompiled. These tests hold them to what Ajv
// compiles from the same schemas with the same settings at run time: same verdict, same errors.
const compiledDefinitionMeta = createDefinitionMetaAjv().compile(FORM_DEFINITION_META_SCHEMA);
const dataAjv = createDataAjv();
const compiledJsonSchemaMeta = dataAjv.getSchema(JSON_SCHEMA_META_SCHEMA_ID)!;
const validateJsonSchema = DATA_SCHEMA_META_SCHEMAS.jsonSchema;

const definitions = FORM_IDS.map((id) => readDefinition(id));
const dataSchemas = definitions.map((definition) => deriveDataSchema(definition));

interface Verdict {
  readonly valid: boolean;
  readonly errors: ErrorObject[] | null | undefined;
}

function verdict(validate: { (data: unknown): boolean; errors?: ErrorObject[] | null }, data: unknown): Verdict {
  const valid = validate(data);
  return { valid, errors: validate.errors };
}

/** `value` with the node at `steps` (each picks a key or an index) replaced, or removed. */
function mutated(value: unknown, steps: readonly number[], replacement: unknown, remove: boolean): unknown {
  const copy = structuredClone(value);
  let parent: Record<string, unknown> | unknown[] | undefined;
  let key: string | number | undefined;
  let node: unknown = copy;
  for (const step of steps) {
    if (typeof node !== 'object' || node === null) break;
    const keys = Array.isArray(node) ? node.map((_, index) => index) : Object.keys(node);
    if (keys.length === 0) break;
    parent = node as Record<string, unknown>;
    key = keys[step % keys.length]!;
    node = (parent as Record<string | number, unknown>)[key];
  }
  if (parent === undefined || key === undefined) return remove ? copy : replacement;
  if (remove && Array.isArray(parent)) parent.splice(key as number, 1);
  else if (remove) delete (parent as Record<string, unknown>)[key as string];
  else (parent as Record<string | number, unknown>)[key] = replacement;
  return copy;
}

const mutation = fc.record({
  steps: fc.array(fc.nat(), { maxLength: 7 }),
  replacement: fc.jsonValue({ maxDepth: 3 }),
  remove: fc.boolean(),
});

/** What compiling a data schema gives: `ok`, or the message Ajv throws. */
function compileOutcome(compile: () => unknown): string {
  try {
    compile();
    return 'ok';
  } catch (error) {
    return (error as Error).message;
  }
}

describe('the precompiled meta-schema validators', () => {
  it('are what the meta-schemas generate now', () => {
    expect(readFileSync(path.join(ROOT, META_VALIDATORS_FILE), 'utf8')).toBe(metaValidatorsSource());
  });

  it('judge the forms and broken copies of them as the compiled definition meta-schema does', () => {
    for (const definition of definitions) {
      expect(verdict(validateFormDefinition, definition)).toEqual(verdict(compiledDefinitionMeta, definition));
    }
    fc.assert(
      fc.property(fc.constantFrom(...definitions), mutation, (definition, { steps, replacement, remove }) => {
        const broken = mutated(definition, steps, replacement, remove);
        expect(verdict(validateFormDefinition, broken)).toEqual(verdict(compiledDefinitionMeta, broken));
      }),
      { numRuns: 500 },
    );
  });

  it('judge data schemas and broken copies of them as the compiled JSON Schema meta-schema does', () => {
    fc.assert(
      fc.property(fc.constantFrom(...dataSchemas), mutation, (schema, { steps, replacement, remove }) => {
        const broken = mutated(schema, steps, replacement, remove);
        expect(verdict(validateJsonSchema, broken)).toEqual(verdict(compiledJsonSchemaMeta, broken));
      }),
      { numRuns: 500 },
    );
  });

  it('judge the engine keywords’ values as their compiled meta-schemas do', () => {
    for (const [keyword, metaSchema] of Object.entries(ENGINE_KEYWORDS)) {
      const precompiled = DATA_SCHEMA_META_SCHEMAS.keywords[keyword as keyof typeof ENGINE_KEYWORDS];
      const compiled = dataAjv.compile(metaSchema, true);
      fc.assert(
        fc.property(
          fc.oneof(fc.jsonValue({ maxDepth: 1 }), fc.constantFrom('today', 'today+30', 'today-1', '2026-12-31')),
          (value) => {
            expect(verdict(precompiled, value)).toEqual(verdict(compiled, value));
          },
        ),
        { numRuns: 300 },
      );
    }
  });

  it('leave compiling a data schema with the same outcome and message', () => {
    const schemas: unknown[] = [
      ...dataSchemas,
      { type: 'strin' },
      { type: 'object', properties: { note: { type: 'string', maxCharacters: -1 } } },
      { type: 'object', properties: { day: { type: 'string', minDate: 'someday' } } },
      { type: 'object', properties: { a: { type: 'string', minLength: '3' } } },
      { type: 'object', required: 'a' },
      { type: 'object', reasonOthr: true },
      { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object' },
      { $schema: JSON_SCHEMA_META_SCHEMA_ID, type: 'object', properties: { a: { type: 'nmber' } } },
      { $schema: 'https://json-schema.org/draft/2020-12/meta/validation', type: 'object' },
      { $schema: 5, type: 'object' },
      { $schema: '', type: 'object' },
      { $id: JSON_SCHEMA_META_SCHEMA_ID, type: 'object' },
      { $defs: { a: { $dynamicRef: '#meta' } }, type: 'object' },
    ];
    const outcome = (schema: unknown, precompiled: boolean) =>
      compileOutcome(() =>
        createDataAjv(precompiled ? { precompiled: DATA_SCHEMA_META_SCHEMAS } : {}).compile(schema as object),
      );
    for (const schema of schemas) expect(outcome(schema, true)).toBe(outcome(schema, false));
    fc.assert(
      fc.property(fc.constantFrom(...dataSchemas), mutation, (schema, { steps, replacement, remove }) => {
        const broken = mutated(schema, steps, replacement, remove);
        expect(outcome(broken, true)).toBe(outcome(broken, false));
      }),
      { numRuns: 40 },
    );
  });
});
