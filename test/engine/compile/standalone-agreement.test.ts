import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CompiledForm,
  createRuntimeForm,
  instantiateValidator,
  type RuntimeForm,
  type SchemaValidator,
  standaloneValidatorModule,
  type ValidatorFactory,
  validateSubmission,
} from '../../../engine/index.js';
import { validatorModuleOf } from '../../../server/form-catalog/validator-module.js';
import { compileProjectForm, FORM_IDS, readExample, SAMPLE_SOURCES } from '../../support/project-forms.js';

const directory = mkdtempSync(path.join(tmpdir(), 'mamis-standalone-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** Loads a precompiled validator the way a browser does: as an ES module, through the runtime. */
async function loadStandalone(form: CompiledForm, served = false): Promise<SchemaValidator> {
  const file = path.join(directory, `${form.id}-${form.version}${served ? '-served' : ''}.mjs`);
  // Served: as the server sends it, minified.
  writeFileSync(file, served ? await validatorModuleOf(form) : standaloneValidatorModule(form));
  const module = (await import(pathToFileURL(file).href)) as { default: ValidatorFactory };
  return instantiateValidator(module.default);
}

/** Submissions near the valid example: each field replaced by a plausible or hostile value. */
function corpus(form: CompiledForm, example: Record<string, unknown>) {
  const names = form.fields.map((field) => field.name);
  const value = fc.oneof(
    fc.string({ maxLength: 60 }),
    fc.constantFrom('2026-12-31', '2026-02-30', '2026/12/31', '', ' ', 'other', 'yes', 'B', 'pref-01', 'あ'.repeat(51)),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.string({ maxLength: 8 }), { maxLength: 4 }),
    fc.record({
      groupId: fc.constantFrom('group-aoyagi', 'chain:city-sapporo', 'chain:city-chiyoda', ''),
      associationIds: fc.oneof(
        fc.subarray(['city-otaru', 'pref-01', 'jma', 'city-sapporo', 'city-chiyoda', 'pref-13']),
        fc.constant(['jma', 'jma']),
      ),
    }),
  );
  return fc
    .tuple(
      fc.dictionary(fc.constantFrom(...names, 'extra'), value, { maxKeys: 4 }),
      fc.subarray(names, { maxLength: 3 }),
    )
    .map(([changes, removed]) => {
      const data: Record<string, unknown> = { ...example, ...changes };
      for (const name of removed) delete data[name];
      return data;
    });
}

describe('precompiled standalone validators', () => {
  const pairs: {
    compiled: CompiledForm;
    standalone: RuntimeForm;
    served: SchemaValidator;
    example: Record<string, unknown>;
    today: string;
  }[] = [];
  beforeAll(async () => {
    for (const id of FORM_IDS) {
      const compiled = compileProjectForm(id);
      const standalone = createRuntimeForm(compiled.definition, await loadStandalone(compiled));
      const served = await loadStandalone(compiled, true);
      const { data, today } = readExample(id);
      pairs.push({ compiled, standalone, served, example: data, today });
    }
  });

  it('contain no eval or new Function, and require only what the runtime provides', () => {
    for (const { compiled } of pairs) {
      const source = standaloneValidatorModule(compiled);
      expect(source).not.toMatch(/new Function|eval\(/);
      const required = [...source.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1]);
      expect(
        required.every((id) =>
          ['mamis:formats', 'ajv/dist/runtime/ucs2length', 'ajv/dist/runtime/equal'].includes(id!),
        ),
      ).toBe(true);
    }
  });

  it('agree with the in-process validator on the raw schema check (property, thousands of cases)', () => {
    for (const { compiled, standalone, served, example } of pairs) {
      fc.assert(
        fc.property(corpus(compiled, example), (data) => {
          const inProcess = compiled.validateSchema(data);
          const precompiled = standalone.validateSchema(data);
          expect(precompiled).toBe(inProcess);
          expect(served(data)).toBe(inProcess);
          const shape = (errors: SchemaValidator['errors']) =>
            // Everything the engine reads; `enum` and `const` errors leave out the allowed values.
            (errors ?? []).map(
              (e) =>
                `${e.instancePath} ${e.keyword} ${e.keyword === 'enum' || e.keyword === 'const' ? '' : JSON.stringify(e.params)}`,
            );
          expect(shape(standalone.validateSchema.errors)).toEqual(shape(compiled.validateSchema.errors));
          expect(shape(served.errors)).toEqual(shape(compiled.validateSchema.errors));
        }),
        { numRuns: 1000, seed: 20261125 },
      );
    }
  });

  it('give the same field errors and normalised value through the whole pipeline (property)', () => {
    for (const { compiled, standalone, example } of pairs) {
      for (const locale of ['ja', 'en'] as const) {
        const context = { today: '2026-11-25', locale, sources: SAMPLE_SOURCES };
        fc.assert(
          fc.property(corpus(compiled, example), (data) => {
            expect(validateSubmission(standalone, data, context)).toEqual(validateSubmission(compiled, data, context));
          }),
          { numRuns: 500, seed: 7 },
        );
      }
    }
  });

  it('accept each form’s example and reject an empty submission alike', () => {
    for (const { compiled, standalone, served, example, today } of pairs) {
      // The raw check, served module included: same verdict, same errors down to their params.
      for (const data of [
        example,
        {},
        { ...example, extra: 1 },
        null,
        [],
        Object.fromEntries(Object.keys(example).map((key) => [key, 'x'])),
      ]) {
        const verdict = compiled.validateSchema(data);
        const errors = compiled.validateSchema.errors;
        expect(served(data)).toBe(verdict);
        expect(served.errors).toEqual(
          // `enum` and `const` errors leave out the allowed values.
          errors?.map(({ instancePath, keyword, params }) => ({
            instancePath,
            keyword,
            params: keyword === 'enum' || keyword === 'const' ? {} : params,
          })),
        );
      }
      const context = { today, locale: 'ja' as const, sources: SAMPLE_SOURCES };
      expect(validateSubmission(standalone, example, context).ok).toBe(true);
      const empty = validateSubmission(standalone, {}, context);
      expect(empty.ok).toBe(false);
      expect(empty).toEqual(validateSubmission(compiled, {}, context));
    }
  });
});
