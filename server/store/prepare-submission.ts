import type { Kysely } from 'kysely';
import {
  type ConfirmView,
  deriveConfirmView,
  type Locale,
  type Localized,
  type RuntimeForm,
  validateSubmission,
} from '../../engine/index.js';
import type { Database } from '../db/database.js';
import { type FieldProblem, ValidationError } from '../errors/app-errors.js';
import { resolveSources, sourceNamesOf } from '../sources/resolve-sources.js';
import { applicationFacility } from './application-facility.js';
import { type PlannedTarget, planTargets } from './application-targets.js';
import type { Submitter } from './submitter.js';

/** Data that passed every rule, ready to store. */
export interface PreparedSubmission {
  /** The engine's normalised value: dates ISO, text trimmed, hidden fields dropped, cascades applied. */
  readonly data: Record<string, unknown>;
  readonly confirmView: ConfirmView;
  /** The facility it is about (所属施設名), kept beside the application for lists. */
  readonly facility: Localized | null;
  readonly groupKey: string;
  readonly targets: readonly PlannedTarget[];
}

export interface PrepareOptions {
  readonly memberId: string;
  /** The member as read for this request: their groups and current associations. */
  readonly submitter: Submitter;
  readonly locale: Locale;
  /** Today in Japan, for the date rules. */
  readonly today: string;
}

/**
 * Validates a submission exactly as the browser did, but against sources resolved here for
 * this member: a group or association that is not theirs fails the engine's one-group rule.
 * Then the rule only the server can check: nobody joins an association they already belong to.
 * Throws ValidationError with messages in the caller's language.
 */
export async function prepareSubmission(
  db: Kysely<Database>,
  form: RuntimeForm,
  input: unknown,
  options: PrepareOptions,
): Promise<PreparedSubmission> {
  const sources = await resolveSources(db, options.memberId, sourceNamesOf(form), options.submitter.groups);
  const result = validateSubmission(form, input, { today: options.today, locale: options.locale, sources });
  if (!result.ok) {
    throw new ValidationError(result.errors.map((error) => ({ pointer: error.pointer, message: error.message })));
  }
  const { groupKey, targets } = planTargets(form, result.value);
  const problems = alreadyJoined(options.submitter, targets);
  if (problems.length > 0) throw new ValidationError(problems);
  const confirmView = deriveConfirmView(form, result.value, sources);
  return {
    data: result.value,
    confirmView,
    facility: applicationFacility(form, confirmView, result.value),
    groupKey,
    targets,
  };
}

/** One problem per field that asks to join an association the member currently belongs to. */
function alreadyJoined(submitter: Submitter, targets: readonly PlannedTarget[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const reported = new Set<string>();
  for (const target of targets) {
    if (target.role !== 'join') continue;
    const association = submitter.associations.get(target.associationId);
    if (!association || reported.has(target.field.name)) continue;
    reported.add(target.field.name);
    problems.push({
      pointer: target.field.pointer,
      message: {
        ja: `${association.name}にはすでに入会しています。${target.field.ui.label.ja}の選択を見直してください`,
        en: `You are already a member of the ${association.name_en}. Please review “${target.field.ui.label.en}”`,
      },
    });
  }
  return problems;
}
