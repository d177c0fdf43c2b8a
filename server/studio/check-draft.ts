import { type CompiledForm, compileForm, type DefinitionIssue, FormDefinitionError } from '../../engine/index.js';
import { definitionHash } from '../forms/index.js';
import { checkTemplateSources } from '../mail/check-template-references.js';
import { definitionShapeIssue } from './definition-limits.js';
import type { PatternGuard, SlowPattern } from './pattern-guard.js';
import { collectPatterns } from './pattern-probes.js';
import type { StudioFiles } from './studio-files.js';

/** The outcome of the full check of a draft: its problems, or the draft compiled. */
export type DraftCheck =
  | { readonly ok: true; readonly form: CompiledForm; readonly hash: string; readonly issues: readonly [] }
  | { readonly ok: false; readonly issues: readonly DefinitionIssue[] };

export interface DraftCheckInput {
  readonly formId: string;
  readonly definition: unknown;
  readonly files: StudioFiles;
  readonly guard: PatternGuard;
}

/** The name a draft's issues carry as their file. */
export function draftFile(formId: string): string {
  return `studio:${formId}`;
}

/**
 * Everything the server checks before it uses a definition, for a draft from the studio: its
 * shape (bounded), the meta-schema and every cross-check, the mail templates its hooks name
 * (each template walked against this draft's view model), and how its patterns behave on
 * hostile input. Nothing in the draft runs before it passed all of these.
 */
export async function checkDraft(input: DraftCheckInput): Promise<DraftCheck> {
  const { formId, definition, files, guard } = input;
  const file = draftFile(formId);
  const shape = definitionShapeIssue(formId, file, definition);
  if (shape) return { ok: false, issues: [shape] };
  let form: CompiledForm;
  try {
    form = compileForm({ definition, file, expectedId: formId, templates: await files.templateNames() });
  } catch (error) {
    if (error instanceof FormDefinitionError) return { ok: false, issues: error.issues };
    throw error;
  }
  const issues: DefinitionIssue[] = [];
  for (const slow of await guard.slowPatterns(collectPatterns(form.definition.schema))) {
    issues.push(slowPatternIssue(formId, slow));
  }
  issues.push(...checkTemplateSources([form], await files.templateSources()));
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, form, hash: definitionHash(definition), issues: [] };
}

/** A pattern that ran out of time, as an issue at the pattern's pointer. */
export function slowPatternIssue(formId: string, slow: SlowPattern): DefinitionIssue {
  return {
    formId,
    file: draftFile(formId),
    pointer: slow.pointer,
    code: 'pattern-slow',
    message: {
      ja: `pattern ${JSON.stringify(slow.pattern)} は長い入力（${slow.inputLength}文字）で処理に時間がかかりすぎます。^ と $ で全体を囲み、重なり合う選択肢（例: (a|aa)*）や連続する繰り返し（例: \\d*\\d*）を避けてください。`,
      en: `The pattern ${JSON.stringify(slow.pattern)} takes too long on long input (${slow.inputLength} characters). Anchor it with ^ and $ and avoid overlapping alternatives (like (a|aa)*) and repeated quantifiers (like \\d*\\d*).`,
    },
  };
}
