import {
  type CompiledForm,
  type ConfirmView,
  deriveConfirmView,
  type FieldError,
  type Locale,
  type ResolvedSources,
  type SubmissionData,
  validateSubmission,
} from '../../engine/index.js';
import type { PatternGuard, SlowPattern } from './pattern-guard.js';
import { collectPatterns } from './pattern-probes.js';

/** What the server makes of test data for a draft: the truth the studio's live preview shows. */
export interface DraftPreview {
  readonly errors: readonly FieldError[];
  /** The data as it would be stored: normalised, hidden fields dropped, cascades applied. */
  readonly value: SubmissionData;
  readonly confirmView: ConfirmView;
}

export interface PreviewOptions {
  readonly locale: Locale;
  readonly today: string;
  readonly sources: ResolvedSources;
  /** Report only this step's errors, as the browser does on 次へ. */
  readonly stepId?: string | undefined;
  readonly guard: PatternGuard;
}

/**
 * Validates test data with a checked draft exactly as a submission would be, and derives the
 * confirm view from it (from whatever is valid, so the view fills in as the data does). The
 * data's strings first go past the pattern guard: a pattern that passed the probes could still
 * meet its worst case in this data, and then it runs off the main thread and is stopped.
 */
export async function previewDraft(
  form: CompiledForm,
  data: unknown,
  options: PreviewOptions,
): Promise<DraftPreview | { readonly slow: SlowPattern }> {
  const patterns = collectPatterns(form.definition.schema);
  if (patterns.length > 0) {
    const slow = await options.guard.slowOn(patterns, stringsIn(data));
    if (slow) return { slow };
  }
  const context = { today: options.today, locale: options.locale, sources: options.sources };
  const result = validateSubmission(form, data, context, options.stepId ? { step: options.stepId } : {});
  return {
    errors: result.errors,
    value: result.value,
    confirmView: deriveConfirmView(form, result.value, options.sources),
  };
}

/** Every string in a JSON value, keys included (patternProperties match keys). */
export function stringsIn(value: unknown): string[] {
  const strings: string[] = [];
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const next = stack.pop();
    if (typeof next === 'string') strings.push(next);
    else if (Array.isArray(next)) stack.push(...next);
    else if (typeof next === 'object' && next !== null) {
      for (const [key, child] of Object.entries(next)) {
        strings.push(key);
        stack.push(child);
      }
    }
  }
  return strings;
}
