import type { ValidateFunction } from 'ajv';
import { createDataAjv } from '../compile/create-ajv.js';
import { deriveDataSchema } from '../compile/derive-data-schema.js';
import type { FormDefinition, JsonSchema } from '../definition/form-definition.js';
import { type CheckContext, type CrossCheck, createCheckContext } from './check-context.js';
import { optionLabels } from './cross-checks/option-labels.js';
import { propertiesCovered } from './cross-checks/properties-covered.js';
import { references } from './cross-checks/references.js';
import { schemaSafety } from './cross-checks/schema-safety.js';
import { stepFieldsExist } from './cross-checks/step-fields-exist.js';
import { stepsStructure } from './cross-checks/steps-structure.js';
import { visibilityConditions } from './cross-checks/visibility-conditions.js';
import { widgetsAndSources } from './cross-checks/widgets-and-sources.js';
import type { DefinitionIssue } from './definition-issue.js';
import { DATA_SCHEMA_META_SCHEMAS, validateFormDefinition } from './generated/meta-validators.js';

const CROSS_CHECKS: readonly CrossCheck[] = [
  schemaSafety,
  stepsStructure,
  stepFieldsExist,
  propertiesCovered,
  optionLabels,
  visibilityConditions,
  widgetsAndSources,
  references,
];

export interface CheckInput {
  /** The parsed definition file; anything, since staff write it by hand. */
  readonly definition: unknown;
  /** Where it came from, for messages, e.g. `forms/withdrawal/form.json`. */
  readonly file: string;
  /** The id the definition must carry (its folder name). */
  readonly expectedId?: string;
  /** The mail templates that exist; omit to skip the template check. */
  readonly templates?: ReadonlySet<string>;
}

export type CheckResult =
  | {
      readonly ok: true;
      readonly definition: FormDefinition;
      /** The schema the data is validated against (conditions turned into if/then)… */
      readonly dataSchema: JsonSchema;
      /** …and its validator, which the check compiled to find the schema's problems. */
      readonly validateSchema: ValidateFunction;
      readonly issues: readonly [];
    }
  | { readonly ok: false; readonly issues: readonly DefinitionIssue[] };

/**
 * Checks a definition before anyone uses it: the meta-schema first (shape), then whether its
 * data schema compiles under strict Ajv, then every cross-check. All problems are reported at
 * once, each with the file, the JSON pointer and how to fix it.
 */
export function checkDefinition(input: CheckInput): CheckResult {
  const formId = idOf(input.definition, input.expectedId);
  if (!validateFormDefinition(input.definition)) {
    const issues = (validateFormDefinition.errors ?? [])
      .filter((error) => error.keyword !== 'if' && error.keyword !== 'oneOf')
      .map((error) => ({
        formId,
        file: input.file,
        pointer: error.instancePath,
        code: `meta-${error.keyword}`,
        message: metaMessage(error.keyword, error.params, error.message ?? ''),
      }));
    return { ok: false, issues };
  }
  const definition = input.definition as FormDefinition;
  const context = createCheckContext(definition, input.file, input.templates);
  const issues: DefinitionIssue[] = [];
  if (input.expectedId !== undefined && definition.id !== input.expectedId) {
    issues.push(
      context.issue('/id', 'id-folder-mismatch', {
        ja: `id「${definition.id}」がフォルダ名「${input.expectedId}」と違います。どちらかに揃えてください。`,
        en: `The id "${definition.id}" differs from its folder "${input.expectedId}". Make them equal.`,
      }),
    );
  }
  const compiled = checkDataSchema(context);
  if (compiled.issue) issues.push(compiled.issue);
  // Not push(...): a hostile definition (an enum of 200,000 values) can yield more issues than
  // a call takes arguments.
  for (const check of CROSS_CHECKS) for (const issue of check(context)) issues.push(issue);
  if (issues.length > 0 || !compiled.validateSchema) return { ok: false, issues };
  return { ok: true, definition, dataSchema: compiled.dataSchema, validateSchema: compiled.validateSchema, issues: [] };
}

/**
 * A data schema compiled under strict Ajv, checked against the meta-schemas first. Throws when
 * it does not compile, with Ajv's reason.
 */
export function compileDataSchema(dataSchema: JsonSchema): ValidateFunction {
  return createDataAjv({ precompiled: DATA_SCHEMA_META_SCHEMAS }).compile(dataSchema);
}

/** The definition's data schema and its validator, or the issue saying why it does not compile. */
function checkDataSchema(context: CheckContext): {
  readonly dataSchema: JsonSchema;
  readonly validateSchema?: ValidateFunction;
  readonly issue?: DefinitionIssue;
} {
  const dataSchema = deriveDataSchema(context.definition);
  try {
    return { dataSchema, validateSchema: compileDataSchema(dataSchema) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      dataSchema,
      issue: context.issue('/schema', 'schema-invalid', {
        ja: `schema を JSON Schema 2020-12 として読めません: ${reason}。キーワードの綴りと値を確認してください。`,
        en: `schema is not valid JSON Schema 2020-12: ${reason}. Check the keywords and their values.`,
      }),
    };
  }
}

function idOf(definition: unknown, fallback: string | undefined): string {
  const id = (definition as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : (fallback ?? '(no id)');
}

function metaMessage(keyword: string, params: Record<string, unknown>, ajvMessage: string) {
  switch (keyword) {
    case 'required':
      return {
        ja: `「${String(params.missingProperty)}」がありません。追加してください。`,
        en: `"${String(params.missingProperty)}" is missing. Add it.`,
      };
    case 'additionalProperties':
      return {
        ja: `「${String(params.additionalProperty)}」という設定はありません。綴りを確認するか削除してください（使える設定は forms/README.md を参照）。`,
        en: `There is no setting "${String(params.additionalProperty)}". Check the spelling or remove it (see forms/README.md).`,
      };
    case 'enum':
      return {
        ja: `値は次のいずれかにしてください: ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
        en: `Use one of: ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
      };
    case 'type':
      return {
        ja: `型が違います（${String(params.type)} にしてください）。`,
        en: `Wrong type: use ${String(params.type)}.`,
      };
    default:
      return { ja: `定義の書き方が正しくありません: ${ajvMessage}`, en: `Not a valid definition: ${ajvMessage}` };
  }
}
