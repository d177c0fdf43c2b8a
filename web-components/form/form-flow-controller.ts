import type { ReactiveController } from 'lit';
import {
  type ConfirmView,
  deriveConfirmView,
  type FieldError,
  type Locale,
  type Step,
  type SubmissionData,
  type ValidationContext,
  validateSubmission,
} from '../../engine/browser.js';
import type { ControllerHost } from '../base/mamis-element.js';
import type { LoadedForm } from './form-loader.js';
import { firstStepWithErrors, indexOfStep, inPageOrder, nextIndexOfType, previousFieldsIndex } from './step-flow.js';

type Data = Readonly<Record<string, unknown>>;

/** What the member confirmed: the normalised data and the engine's confirm view of it. */
export interface Confirmed {
  readonly value: SubmissionData;
  readonly view: ConfirmView;
}

export interface FlowEvents {
  readonly stepChanged: (step: Step, index: number, previous: Step | undefined) => void;
  readonly dataChanged: (step: Step, data: Data) => void;
}

/**
 * The member's way through a form: the data as entered, the current step, the errors shown,
 * and the rules for moving on. Validation is the engine's, with the precompiled validator:
 * a step is checked on 次へ, a field when the member leaves or changes it, and every step again
 * on the way into the confirm step, since an earlier answer can change what a later one needs.
 */
export class FormFlowController implements ReactiveController {
  readonly #host: ControllerHost;
  readonly #events: FlowEvents;
  readonly #locale: () => Locale;
  #loaded: LoadedForm | undefined;
  #dirty = new Set<string>();

  stepIndex = 0;
  data: Data = {};
  /** Field name → message, for every field with a known problem. */
  errors: ReadonlyMap<string, string> = new Map();
  /** The errors listed at the top of the step after a failed 次へ. */
  summary: readonly FieldError[] | undefined;
  confirmed: Confirmed | undefined;
  /** Set by 修正 on the confirm step: 次へ then goes straight back to the confirm step. */
  returnToConfirm = false;
  /** What should take focus after the next render. */
  focus: 'title' | 'summary' | 'notice' | undefined;

  constructor(host: ControllerHost, locale: () => Locale, events: FlowEvents) {
    this.#host = host;
    this.#locale = locale;
    this.#events = events;
    host.addController(this);
  }

  hostConnected(): void {}

  get loaded(): LoadedForm | undefined {
    return this.#loaded;
  }

  get step(): Step | undefined {
    return this.#loaded?.runtime.steps[this.stepIndex];
  }

  context(): ValidationContext {
    const loaded = this.#loaded!;
    return { today: loaded.today, locale: this.#locale(), sources: loaded.sources };
  }

  start(loaded: LoadedForm, data: Data = {}, stepIndex = 0): void {
    this.#loaded = loaded;
    this.data = pickFields(loaded, data);
    this.#dirty = new Set();
    this.errors = new Map();
    this.summary = undefined;
    this.confirmed = undefined;
    this.returnToConfirm = false;
    this.stepIndex = stepIndex;
    this.#host.requestUpdate();
  }

  /** The member typed or ticked: keep the value; re-check only a field already in error. */
  input(name: string, value: unknown, composing: boolean): void {
    this.#dirty.add(name);
    this.#set(name, value);
    if (this.errors.has(name) && !composing) this.revalidate([name]);
  }

  /** The member left the field or made a choice: check it (unless nothing happened to it). */
  commit(name: string, value: unknown, composing: boolean): void {
    const untouched = value === this.data[name] && !this.#dirty.has(name) && !this.errors.has(name);
    if (untouched) return;
    this.#dirty.add(name);
    this.#set(name, value);
    if (!composing) this.revalidate([name, ...this.errors.keys()]);
  }

  /** Re-checks the named fields of the current step; fields now hidden lose their errors. */
  revalidate(names: readonly string[]): void {
    const step = this.step;
    if (!this.#loaded || step?.type !== 'fields') return;
    const result = validateSubmission(this.#loaded.runtime, this.data, this.context(), { step: step.id });
    const errors = new Map(this.errors);
    for (const name of names) {
      const error = result.errors.find((candidate) => candidate.field === name);
      if (error) errors.set(name, error.message);
      else errors.delete(name);
    }
    this.errors = errors;
    if (this.summary) {
      this.summary = this.summary.flatMap((error) => {
        if (error.field === '') return [error];
        const message = errors.get(error.field);
        return message === undefined ? [] : [{ ...error, message }];
      });
    }
    this.#host.requestUpdate();
  }

  /** 次へ on a fields step. */
  next(): void {
    const loaded = this.#loaded;
    const step = this.step;
    if (!loaded || step?.type !== 'fields') return;
    const result = validateSubmission(loaded.runtime, this.data, this.context(), { step: step.id });
    if (!result.ok) {
      this.showErrors(result.errors);
      return;
    }
    const following = loaded.runtime.steps[this.stepIndex + 1];
    if (this.returnToConfirm || !following || following.type === 'confirm' || following.type === 'complete') {
      this.enterConfirm();
    } else {
      this.goTo(this.stepIndex + 1);
    }
  }

  /**
   * Checks every step; on a problem goes to the first step that has one, else to the confirm
   * step with the confirm view. Returns whether the data is complete.
   */
  enterConfirm(): boolean {
    const loaded = this.#loaded!;
    const result = validateSubmission(loaded.runtime, this.data, this.context());
    if (!result.ok) {
      this.showAnywhere(result.errors);
      return false;
    }
    this.confirmed = {
      value: result.value,
      view: deriveConfirmView(loaded.runtime, result.value, loaded.sources),
    };
    this.returnToConfirm = false;
    const confirmIndex = nextIndexOfType(loaded.runtime, -1, 'confirm');
    if (confirmIndex !== undefined) this.goTo(confirmIndex);
    return true;
  }

  /** Errors from anywhere (the whole form, the server's 422): shown on the first step concerned. */
  showAnywhere(errors: readonly FieldError[]): void {
    const loaded = this.#loaded!;
    const index = firstStepWithErrors(loaded.runtime, errors) ?? this.stepIndex;
    if (index !== this.stepIndex) this.goTo(index);
    const all = new Map(this.errors);
    for (const error of errors) if (error.field !== '') all.set(error.field, error.message);
    this.errors = all;
    const stepId = loaded.runtime.steps[index]?.id;
    this.summary = inPageOrder(
      loaded.runtime,
      errors.filter((error) => error.field === '' || loaded.runtime.fieldByName.get(error.field)?.stepId === stepId),
    );
    this.focus = 'summary';
    this.#host.requestUpdate();
  }

  /** Errors of the current step: inline and in the summary, which takes focus. */
  showErrors(errors: readonly FieldError[]): void {
    const loaded = this.#loaded!;
    const stepId = this.step?.id;
    const all = new Map(this.errors);
    for (const [name] of all) if (loaded.runtime.fieldByName.get(name)?.stepId === stepId) all.delete(name);
    for (const error of errors) if (error.field !== '') all.set(error.field, error.message);
    this.errors = all;
    this.summary = inPageOrder(loaded.runtime, errors);
    this.focus = 'summary';
    this.#host.requestUpdate();
  }

  goTo(index: number): void {
    const loaded = this.#loaded;
    if (!loaded) return;
    const previous = this.step;
    this.stepIndex = index;
    this.summary = undefined;
    this.focus = 'title';
    const step = loaded.runtime.steps[index]!;
    if (step.type === 'fields') this.#events.dataChanged(step, this.data);
    this.#events.stepChanged(step, index, previous);
    this.#host.requestUpdate();
  }

  /** 修正 on the confirm step. */
  edit(stepId: string): void {
    const index = indexOfStep(this.#loaded!.runtime, stepId);
    if (index === -1) return;
    this.returnToConfirm = true;
    this.goTo(index);
  }

  /** 戻る: the previous fields step. */
  back(): void {
    const index = previousFieldsIndex(this.#loaded!.runtime, this.stepIndex);
    if (index === undefined) return;
    this.returnToConfirm = false;
    this.goTo(index);
  }

  #set(name: string, value: unknown): void {
    const loaded = this.#loaded!;
    const next: Record<string, unknown> = { ...this.data };
    if (value === undefined) delete next[name];
    else next[name] = value;
    // A choice narrowed by this field no longer fits once it changes: clear it (and its own dependants).
    const changed = this.data[name] === value ? [] : [name];
    while (changed.length > 0) {
      const parent = changed.pop()!;
      for (const field of loaded.runtime.fields) {
        if (field.ui.source?.dependsOn === parent && Object.hasOwn(next, field.name)) {
          delete next[field.name];
          changed.push(field.name);
        }
      }
    }
    this.data = next;
    const step = this.step;
    if (step) this.#events.dataChanged(step, next);
    this.#host.requestUpdate();
  }
}

/** Only the form's own fields, so a draft of an older version cannot smuggle in unknown keys. */
function pickFields(loaded: LoadedForm, data: Data): Data {
  const picked: Record<string, unknown> = {};
  for (const field of loaded.runtime.fields) if (Object.hasOwn(data, field.name)) picked[field.name] = data[field.name];
  return picked;
}
