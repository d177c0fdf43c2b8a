import type { FieldUi, FormDefinition, JsonSchema, Localized } from '../definition/form-definition.js';
import type { DefinitionIssue } from './definition-issue.js';

/** What every cross-check receives: a definition that already satisfies the meta-schema. */
export interface CheckContext {
  readonly definition: FormDefinition;
  readonly file: string;
  /** Template names that exist; when undefined, template references are not checked. */
  readonly templates: ReadonlySet<string> | undefined;
  readonly properties: Readonly<Record<string, JsonSchema>>;
  /** For each property, the index of the fields step that asks it. */
  readonly askedIn: ReadonlyMap<string, number>;
  issue(pointer: string, code: string, message: Localized): DefinitionIssue;
}

export type CrossCheck = (context: CheckContext) => DefinitionIssue[];

export function createCheckContext(
  definition: FormDefinition,
  file: string,
  templates: ReadonlySet<string> | undefined,
): CheckContext {
  const askedIn = new Map<string, number>();
  definition.steps.forEach((step, index) => {
    if (step.type === 'fields') for (const name of step.fields) if (!askedIn.has(name)) askedIn.set(name, index);
  });
  return {
    definition,
    file,
    templates,
    properties: (definition.schema.properties ?? {}) as Record<string, JsonSchema>,
    askedIn,
    issue: (pointer, code, message) => ({ formId: definition.id, file, pointer, code, message }),
  };
}

export function fieldUi(context: CheckContext, name: string): FieldUi | undefined {
  return Object.hasOwn(context.definition.fields, name) ? context.definition.fields[name] : undefined;
}

/** RFC 6901 escaping for property names used in pointers. */
export function token(name: string): string {
  return name.replaceAll('~', '~0').replaceAll('/', '~1');
}
