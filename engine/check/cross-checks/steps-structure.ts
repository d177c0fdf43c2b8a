import type { CrossCheck } from '../check-context.js';
import type { DefinitionIssue } from '../definition-issue.js';

/**
 * The steps form one path a member can walk: unique ids, at least one fields step, exactly one
 * confirm step right before exactly one complete step at the end (a step after completion could
 * never be reached).
 */
export const stepsStructure: CrossCheck = (context) => {
  const steps = context.definition.steps;
  const issues: DefinitionIssue[] = [];
  const ids = new Map<string, number>();
  for (const [index, step] of steps.entries()) {
    const first = ids.get(step.id);
    if (first !== undefined) {
      issues.push(
        context.issue(`/steps/${index}/id`, 'step-id-duplicate', {
          ja: `ステップID「${step.id}」が /steps/${first} と重複しています。別のIDにしてください。`,
          en: `The step id "${step.id}" is already used by /steps/${first}. Choose another id.`,
        }),
      );
    }
    ids.set(step.id, index);
  }
  if (!steps.some((step) => step.type === 'fields')) {
    issues.push(
      context.issue('/steps', 'no-fields-step', {
        ja: '項目を尋ねるステップ（"type": "fields"）が一つもありません。確認ステップの前に "type": "fields" のステップを加え、その fields に schema.properties の項目名を並べてください。',
        en: 'There is no step that asks fields ("type": "fields"). Add one before the confirm step and list names from schema.properties in its "fields".',
      }),
    );
  }
  const confirms = steps.flatMap((step, index) => (step.type === 'confirm' ? [index] : []));
  const completes = steps.flatMap((step, index) => (step.type === 'complete' ? [index] : []));
  if (confirms.length !== 1) {
    issues.push(
      context.issue('/steps', 'confirm-step-count', {
        ja: `確認ステップ（"type": "confirm"）はちょうど一つ必要です（いまは${confirms.length}つ）。`,
        en: `Exactly one confirm step is needed (found ${confirms.length}).`,
      }),
    );
  }
  if (completes.length !== 1) {
    issues.push(
      context.issue('/steps', 'complete-step-count', {
        ja: `完了ステップ（"type": "complete"）はちょうど一つ必要です（いまは${completes.length}つ）。`,
        en: `Exactly one complete step is needed (found ${completes.length}).`,
      }),
    );
  }
  const last = steps.length - 1;
  for (const index of completes) {
    if (index !== last) {
      issues.push(
        context.issue(`/steps/${index + 1}`, 'step-unreachable', {
          ja: `完了ステップの後にあるステップ「${steps[index + 1]!.id}」には進めません。完了ステップを最後にしてください。`,
          en: `Step "${steps[index + 1]!.id}" comes after the complete step and can never be reached. Put the complete step last.`,
        }),
      );
    }
  }
  for (const index of confirms) {
    if (index !== last - 1 || steps[last]?.type !== 'complete') {
      issues.push(
        context.issue(`/steps/${index}`, 'confirm-not-before-complete', {
          ja: '確認ステップは完了ステップの直前に置いてください（確認の後に入力させないため）。',
          en: 'Put the confirm step right before the complete step, so nothing is asked after confirmation.',
        }),
      );
    }
  }
  return issues;
};
