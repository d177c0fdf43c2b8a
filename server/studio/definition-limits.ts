import type { DefinitionIssue } from '../../engine/index.js';

/** Deeper than any real definition (ours nest about ten levels); deeper ones only exhaust the stack. */
export const MAX_DEFINITION_DEPTH = 40;
/** Values in one definition (ours hold about a thousand). */
export const MAX_DEFINITION_NODES = 20_000;

/**
 * Refuses a definition whose shape alone would make checking it expensive: nesting that would
 * exhaust the stack of the recursive checks (meta-schema, Ajv's compiler, hashing) or so many
 * values that compiling it would take long. The request size is bounded before this by the
 * API's body limit; this bounds the shape within it. Iterative, so a deep value cannot
 * overflow the stack here either.
 */
export function definitionShapeIssue(formId: string, file: string, definition: unknown): DefinitionIssue | undefined {
  const stack: { value: unknown; depth: number }[] = [{ value: definition, depth: 0 }];
  let nodes = 0;
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    nodes++;
    if (depth > MAX_DEFINITION_DEPTH) {
      return issue(formId, file, 'definition-too-deep', {
        ja: `定義の入れ子が深すぎます（${MAX_DEFINITION_DEPTH}段まで）。項目を平らに書いてください。`,
        en: `The definition nests too deeply (at most ${MAX_DEFINITION_DEPTH} levels). Keep it flat.`,
      });
    }
    if (nodes > MAX_DEFINITION_NODES) {
      return issue(formId, file, 'definition-too-large', {
        ja: `定義が大きすぎます（値は${MAX_DEFINITION_NODES}個まで）。フォームを分けてください。`,
        en: `The definition is too large (at most ${MAX_DEFINITION_NODES} values). Split the form.`,
      });
    }
    if (typeof value === 'object' && value !== null) {
      for (const child of Object.values(value)) stack.push({ value: child, depth: depth + 1 });
    }
  }
  return undefined;
}

function issue(formId: string, file: string, code: string, message: DefinitionIssue['message']): DefinitionIssue {
  return { formId, file, pointer: '', code, message };
}
