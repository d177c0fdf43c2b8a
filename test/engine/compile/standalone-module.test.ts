import type { ErrorObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import type { CompiledForm } from '../../../engine/compile/compile-form.js';
import { createDataAjv } from '../../../engine/compile/create-ajv.js';
import {
  errorArguments,
  pushErrorsThroughHelper,
  standaloneValidatorModule,
  withoutUnusedContext,
} from '../../../engine/compile/standalone-module.js';
import { instantiateValidator, type ValidatorFactory } from '../../../engine/runtime/validator-runtime.js';

/** The standalone module of a schema, loaded as browsers load it, and its source. */
async function standalone(dataSchema: Record<string, unknown>) {
  const source = standaloneValidatorModule({ id: 'synthetic', version: 1, dataSchema } as unknown as CompiledForm);
  const module = (await import(`data:text/javascript,${encodeURIComponent(source)}`)) as { default: ValidatorFactory };
  return { source, validate: instantiateValidator(module.default) };
}

/** What the engine reads of an error; `enum` and `const` errors leave out the allowed values. */
function shape(errors: readonly Partial<ErrorObject>[] | null | undefined): string[] {
  return (errors ?? []).map(
    (e) =>
      `${e.instancePath} ${e.keyword} ${e.keyword === 'enum' || e.keyword === 'const' ? '' : JSON.stringify(e.params)}`,
  );
}

/** The standalone validator gives Ajv's verdict and errors on every case. */
async function expectAgreement(schema: Record<string, unknown>, cases: readonly unknown[]) {
  const { source, validate } = await standalone(schema);
  const ajv = createDataAjv().compile(schema);
  for (const data of cases) {
    expect(validate(data)).toBe(ajv(data));
    expect(shape(validate.errors)).toEqual(shape(ajv.errors));
  }
  return source;
}

const string = { type: 'string', maxLength: 3 };
const wide = (prefix: string, extra: Record<string, unknown> = {}) => ({
  type: 'object',
  additionalProperties: false,
  properties: {
    ...Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`${prefix}${i}`, string])),
    ...extra,
  },
});

describe('standaloneValidatorModule on schemas unlike the forms', () => {
  it('writes a schema constant read only by key lookups as its keys, and checks alike', async () => {
    const schema = {
      ...wide('a', { nested: wide('b'), kind: { enum: ['x', 'y'] } }),
      required: ['a0', 'nested'],
      if: { properties: { kind: { const: 'x' } }, required: ['kind'] },
      // biome-ignore lint/suspicious/noThenProperty: `then` is the JSON Schema keyword here.
      then: { required: ['a1'] },
    };
    const source = await expectAgreement(schema, [
      {},
      { a0: 'abc', nested: {} },
      { a0: 'abcd', a9: 1, nested: { b0: 'x', b9: 2, c: 1 }, kind: 'x', 'a/b': 1 },
      { a0: 'a', nested: [], kind: 'z', constructor: 1, hasOwnProperty: 2 },
      null,
      [],
    ]);
    // The property schemas are left out; their keys remain, at both levels.
    expect(source).not.toContain('"maxLength":3');
    expect(source).toMatch(/"a8":0/);
    expect(source).toMatch(/"b8":0/);
    // Every error goes through the helper, and the context nobody reads is gone.
    expect(source).not.toMatch(/vErrors\.push\(err\d/);
    expect(source).toContain('{instancePath=""}={}');
    expect(source).not.toContain('evaluated');
  });

  it('keeps the record of evaluated properties where unevaluatedProperties needs it', async () => {
    const schema = {
      type: 'object',
      properties: { a: { type: 'string' } },
      allOf: [{ properties: { b: { type: 'number' } } }],
      unevaluatedProperties: false,
    };
    const source = await expectAgreement(schema, [{ a: 'x', b: 1 }, { a: 'x', b: 1, c: 2 }, { c: 1, d: 2 }, 'x']);
    expect(source).toContain('evaluated');
  });

  it('keeps the context where a referenced validate function takes it', async () => {
    const schema = {
      $defs: {
        node: {
          type: 'object',
          properties: { child: { $ref: '#/$defs/node' }, value: { type: 'integer' } },
          additionalProperties: false,
        },
      },
      $ref: '#/$defs/node',
    };
    const source = await expectAgreement(schema, [
      { value: 1, child: { value: 2, child: {} } },
      { value: 'x', child: { value: 1.5, child: { other: 1 } } },
      { child: 3 },
    ]);
    expect(source).toContain('parentDataProperty');
  });

  it('checks alike where an error path escapes a key with regular expressions', async () => {
    const schema = {
      type: 'object',
      patternProperties: { '^x-': { type: 'string' } },
      additionalProperties: false,
    };
    const source = await expectAgreement(schema, [{ 'x-a': 'v' }, { 'x-a/b~c': 1, other: 1 }, { 'x-': null }]);
    // Inside an error object, copied as it is: Ajv's two (`/~/g`, `/\//g`) hold no quote or brace.
    expect(source).toContain('pushError("/" + key1.replace(/~/g');
  });
});

describe('withoutUnusedContext', () => {
  const signature = 'function validate0(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){';

  it('leaves out the context no code reads', () => {
    expect(withoutUnusedContext(`${signature}return "rootData";}`)).toBe(
      'function validate0(data, {instancePath=""}={}){return "rootData";}',
    );
  });

  it('keeps it where any of it is named outside a string, a data property included', () => {
    for (const body of ['validate1(data.a, {parentData: data});', 'if(data.rootData === undefined){}']) {
      const code = `${signature}${body}}`;
      expect(withoutUnusedContext(code)).toBe(code);
    }
  });
});

const START = 'function validate0(data, {instancePath=""}={}){let vErrors = null;let errors = 0;';
const HELPER =
  'function pushError(path, keyword, params){const error = keyword === undefined ? path : {instancePath:instancePath+path,keyword,params};' +
  'if(vErrors === null){vErrors = [error];}else {vErrors.push(error);}errors++;}';
const push = (name: string, object: string) =>
  `const ${name} = ${object};if(vErrors === null){vErrors = [${name}];}else {vErrors.push(${name});}errors++;`;

describe('errorArguments', () => {
  it('gives the path below the instance path, the keyword and the params', () => {
    expect(errorArguments('{instancePath,keyword:"type",params:{type: "object"}}')).toBe('"","type",{type: "object"}');
    expect(errorArguments('{instancePath:instancePath+"/a/" + i0,keyword:"type",params:{type: "string"}}')).toBe(
      '"/a/" + i0,"type",{type: "string"}',
    );
    expect(errorArguments('{instancePath:instancePath+"/a,b",keyword:"uniqueItems",params:{i: i1, j: j0}}')).toBe(
      '"/a,b","uniqueItems",{i: i1, j: j0}',
    );
  });

  it('leaves any other error object as it is', () => {
    for (const object of [
      '{}',
      // A path that goes on with a number: grouped differently, it would add instead of join.
      '{instancePath:instancePath+i0,keyword:"type",params:{}}',
      '{instancePath:other,keyword:"type",params:{}}',
      '{instancePath,schemaPath:"#",keyword:"type",params:{}}',
      '{instancePath,keyword:"type",params:{},propertyName:key0}',
      '{instancePath,keyword:key0,params:{}}',
      '{instancePath,keyword:"type",params:{"unclosed}}',
    ]) {
      expect(errorArguments(object)).toBeUndefined();
    }
  });
});

describe('pushErrorsThroughHelper', () => {
  it('replaces each error block by a call with its parts, braces inside strings included', () => {
    const object = '{instancePath:instancePath+"/a{b}",keyword:"required",params:{missingProperty: "}"}}';
    const code = `${START}if(x){${push('err0', object)}}${push('err1', '{}')}return errors === 0;}`;
    expect(pushErrorsThroughHelper(code)).toBe(
      `${START}${HELPER}if(x){pushError("/a{b}","required",{missingProperty: "}"});}pushError({});return errors === 0;}`,
    );
  });

  it('leaves a block written inside a string alone', () => {
    const code = `${START}const s = "${push('err0', '{}').replaceAll('"', '\\"')}";return errors === 0;}`;
    expect(pushErrorsThroughHelper(code)).toBe(code.replace(START, START + HELPER));
  });

  it('leaves a block that differs from the shape, or is named for another error, alone', () => {
    const other = push('err0', '{}').replace('vErrors.push(err0)', 'vErrors.push(err1)');
    const code = `${START}${other}return errors === 0;}`;
    expect(pushErrorsThroughHelper(code)).toBe(code.replace(START, START + HELPER));
  });

  it('returns code of a shape it does not know unchanged', () => {
    for (const code of [
      `${START}const s = 'x';${push('err0', '{}')}}`,
      `${START}// note\n${push('err0', '{}')}}`,
      push('err0', '{}'),
      `${START}const pushError = 1;${push('err0', '{}')}}`,
      `${START}${push('err0', '{"unclosed')}`,
    ]) {
      expect(pushErrorsThroughHelper(code)).toBe(code);
    }
  });
});
