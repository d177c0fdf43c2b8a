import type { FieldError, RuntimeForm, Step } from '../../engine/browser.js';

/** Where the member can go from a step. Pure, so the element only decides when. */

export function indexOfStep(form: RuntimeForm, stepId: string): number {
  return form.steps.findIndex((step) => step.id === stepId);
}

/** The first step after `from` of the given type. */
export function nextIndexOfType(form: RuntimeForm, from: number, type: Step['type']): number | undefined {
  for (let index = from + 1; index < form.steps.length; index++) {
    if (form.steps[index]!.type === type) return index;
  }
  return undefined;
}

/** Where 戻る leads: the nearest earlier fields step (interstitials are not walked back through). */
export function previousFieldsIndex(form: RuntimeForm, from: number): number | undefined {
  for (let index = from - 1; index >= 0; index--) {
    if (form.steps[index]!.type === 'fields') return index;
  }
  return undefined;
}

export function firstFieldsIndex(form: RuntimeForm): number {
  const index = form.steps.findIndex((step) => step.type === 'fields');
  return index === -1 ? 0 : index;
}

/** The earliest step that asks one of the failing fields. */
export function firstStepWithErrors(form: RuntimeForm, errors: readonly FieldError[]): number | undefined {
  let first: number | undefined;
  for (const error of errors) {
    const stepId = form.fieldByName.get(error.field)?.stepId;
    if (stepId === undefined) continue;
    const index = indexOfStep(form, stepId);
    if (index !== -1 && (first === undefined || index < first)) first = index;
  }
  return first;
}

/** Errors in the order their fields stand on the page (the engine reports schema errors first). */
export function inPageOrder(form: RuntimeForm, errors: readonly FieldError[]): FieldError[] {
  const position = (error: FieldError) => {
    const stepId = form.fieldByName.get(error.field)?.stepId;
    const step = form.steps.find((candidate) => candidate.id === stepId);
    if (step?.type !== 'fields') return Number.MAX_SAFE_INTEGER;
    return indexOfStep(form, step.id) * 1000 + step.fields.indexOf(error.field);
  };
  return [...errors].sort((a, b) => position(a) - position(b));
}
