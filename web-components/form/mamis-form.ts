import { html, nothing, type TemplateResult } from 'lit/html.js';
import {
  deriveStepView,
  type FormDefinition,
  type ResolvedSources,
  type Step,
  type StepView,
  type ValidatorFactory,
} from '../../engine/browser.js';
import { ApiClient } from '../api/api-client.js';
import { ApiError, NETWORK_FAILURE } from '../api/api-error.js';
import type { ApplicationView, Draft } from '../api/api-types.js';
import { MamisElement, type PropertyValues } from '../base/mamis-element.js';
import { CompositionController } from '../controllers/composition-controller.js';
import { DraftController } from '../controllers/draft-controller.js';
import { LocaleController } from '../controllers/locale-controller.js';
import { emit } from '../events/mamis-events.js';
import { formatTimestamp, localToday } from '../i18n/format-timestamp.js';
import { baseStyles } from '../styles/base-styles.js';
import { widgetRegistry } from '../widgets/default-widgets.js';
import type { WidgetRegistry } from '../widgets/widget-registry.js';
import { fieldIds } from './field-ids.js';
import { FormFlowController } from './form-flow-controller.js';
import { type LoadedForm, loadForm } from './form-loader.js';
import { newIdempotencyKey } from './idempotency-key.js';
import { formStyles } from './mamis-form.styles.js';
import { renderBlocks } from './render-blocks.js';
import { renderConfirmView } from './render-confirm-view.js';
import { renderErrorSummary } from './render-error-summary.js';
import { renderField } from './render-field.js';
import { renderStepper } from './render-stepper.js';
import { fieldErrorsOf } from './server-errors.js';
import { firstFieldsIndex, indexOfStep, nextIndexOfType, previousFieldsIndex } from './step-flow.js';

/** The inputs that, when changed, load the form afresh. */
const LOAD_INPUTS = [
  'form',
  'baseUrl',
  'token',
  'definition',
  'sources',
  'validator',
  'validatorUrl',
  'today',
  'applicationId',
  'application',
] as const;

/**
 * Renders any form definition, step by step: interstitial screens (a page, or a modal dialog
 * such as 本当に退会しますか？), field steps, the derived confirm step (確認・申請), submission and
 * completion. Validates in the browser with the form's precompiled validator, with the messages
 * the server sends; keeps a draft on the server; submits once per idempotency key.
 *
 * Give it `form` (an id, fetched from the API at `base-url`), or a `definition` property with a
 * `validator` (or `validator-url`), `sources` and `today`. Without an API nothing is sent: the
 * host receives the data in `mamis-submitted`.
 *
 * @summary A MAMIS application form (退会届, 入会届, 異動届, or any form staff define).
 * @attribute lang - `ja` (default) or `en`: the language of every text.
 * @event mamis-step-change - The form moved to another step; `detail.stepId`, `detail.stepType`.
 * @event mamis-submitted - The application was accepted; `detail.application`, `detail.data`.
 * @event mamis-cancel - The member left the form (入会を継続する, 申請をやめる).
 * @csspart base - The whole form.
 * @csspart title - The form's title.
 * @csspart stepper - The step indicator (1 医師会選択 — 2 確認・申請).
 * @csspart panel - The bordered panel holding the step.
 * @csspart field - Each field's row; `field-invalid` when it has an error.
 * @csspart label - A field's label.
 * @csspart required-badge - The 必須 badge.
 * @csspart hint - A field's hint, such as (半角入力).
 * @csspart input - Text boxes and drop-downs.
 * @csspart error - A field's error message.
 * @csspart error-summary - The list of errors at the top of a step.
 * @csspart layer-group - A group of the association picker; `layer-group-active` when chosen.
 * @csspart layer - The layer label (3層) in the association picker.
 * @csspart confirm-table - A table of the confirm step.
 * @csspart edit - The 修正 links of the confirm step.
 * @csspart button - Every button; `button-primary` for the main one.
 * @csspart dialog - The modal dialog of a dialog step.
 * @csspart notice - A message about the submission (server errors).
 * @csspart draft-offer - The offer to resume a saved draft.
 * @cssprop --mamis-accent - Accent colour (teal).
 * @cssprop --mamis-accent-strong - Accent for hover and text on light backgrounds.
 * @cssprop --mamis-accent-soft - Tinted backgrounds (label cells, hover).
 * @cssprop --mamis-danger - Errors and the 必須 badge.
 * @cssprop --mamis-text - Text colour.
 * @cssprop --mamis-muted - Secondary text.
 * @cssprop --mamis-border - Borders.
 * @cssprop --mamis-surface - Panel background.
 * @cssprop --mamis-focus - Focus ring colour.
 * @cssprop --mamis-radius - Corner radius.
 * @cssprop --mamis-font-family - Font stack.
 */
export class MamisForm extends MamisElement {
  static override styles = [baseStyles, formStyles];

  static override properties = {
    form: { type: String },
    baseUrl: { type: String, attribute: 'base-url' },
    token: { attribute: false },
    definition: { attribute: false },
    sources: { attribute: false },
    validator: { attribute: false },
    validatorUrl: { type: String, attribute: 'validator-url' },
    today: { type: String },
    applicationId: { type: String, attribute: 'application-id' },
    application: { attribute: false },
    widgets: { attribute: false },
    loadFailed: { state: true },
    submitting: { state: true },
    notice: { state: true },
    resumeOffer: { state: true },
  };

  /** The form's id; with no `definition`, the form is fetched from `GET /api/forms/:id`. */
  declare form: string | undefined;
  /** Where the API lives (`''` = this page's origin). Without it, a `definition` runs with no API. */
  declare baseUrl: string | undefined;
  /** An embed token (sent as `Authorization: Bearer`); without it the session cookie is used. */
  declare token: string | undefined;
  /** A definition to render instead of fetching one. */
  declare definition: FormDefinition | undefined;
  /** The member's resolved sources (groups, associations) for a `definition` given as a property. */
  declare sources: ResolvedSources | undefined;
  /** The default export of the form's precompiled validator module. */
  declare validator: ValidatorFactory | undefined;
  /** Or where to import that module from. */
  declare validatorUrl: string | undefined;
  /** Today, `YYYY-MM-DD`, for a `definition` given as a property (the API gives its own). */
  declare today: string | undefined;
  /** 修正 of an existing application: its id (fetched from `/api/me/applications`). */
  declare applicationId: string | undefined;
  /** 修正 of an existing application given as a property. */
  declare application: ApplicationView | undefined;
  /** A widget registry for this form only; by default the page-wide one (`registerWidget`). */
  declare widgets: WidgetRegistry | undefined;
  declare private loadFailed: boolean;
  declare private submitting: boolean;
  declare private notice: string | undefined;
  declare private resumeOffer: Draft | undefined;

  readonly #locale = new LocaleController(this);
  readonly #drafts = new DraftController(this);
  readonly #composition = new CompositionController(this, (target) => this.#onCompositionEnd(target));
  readonly #flow = new FormFlowController(this, () => this.#locale.locale, {
    stepChanged: (step, index, previous) => this.#onStepChanged(step, index, previous),
    dataChanged: (step, data) => {
      if (step.type === 'fields' && Object.keys(data).length > 0) this.#drafts.schedule(step.id, data);
    },
  });
  #api: ApiClient | undefined;
  #editing: ApplicationView | undefined;
  #idempotency: { readonly key: string; readonly payload: string } | undefined;
  #loads = 0;

  constructor() {
    super();
    this.loadFailed = false;
    this.submitting = false;
  }

  /** Empties the form and returns to its first step (the saved draft is left alone). */
  reset(): void {
    const loaded = this.#flow.loaded;
    if (loaded) this.#flow.start(loaded);
    this.notice = undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (LOAD_INPUTS.some((name) => changed.has(name))) void this.#load();
  }

  protected override updated(): void {
    const root = this.renderRoot;
    const dialog = root.querySelector('dialog');
    if (dialog && !dialog.open) dialog.showModal();
    const focus = this.#flow.focus;
    this.#flow.focus = undefined;
    if (focus === 'summary') root.querySelector<HTMLElement>('.error-summary')?.focus();
    if (focus === 'notice') root.querySelector<HTMLElement>('.notice')?.focus();
    if (focus === 'title' && !dialog) root.querySelector<HTMLElement>('.title')?.focus();
  }

  async #load(): Promise<void> {
    const run = ++this.#loads;
    this.loadFailed = false;
    this.resumeOffer = undefined;
    this.notice = undefined;
    const base = this.baseUrl ?? (this.definition ? undefined : '');
    const api =
      base === undefined
        ? undefined
        : new ApiClient({ baseUrl: base, token: this.token, locale: () => this.#locale.locale });
    this.#api = api;
    try {
      const loaded = await loadForm({
        formId: this.form,
        definition: this.definition,
        validator: this.validator,
        validatorUrl: this.validatorUrl,
        sources: this.sources,
        today: this.today ?? localToday(),
        api,
      });
      const editing =
        this.application ??
        (this.applicationId && api
          ? (await api.applications()).find((application) => application.id === this.applicationId)
          : undefined);
      if (run !== this.#loads) return;
      this.#editing = editing;
      const { runtime } = loaded;
      this.#drafts.attach(api && !editing ? { api, formId: runtime.id, version: runtime.version } : undefined);
      const draft = await this.#drafts.load();
      if (run !== this.#loads) return;
      this.resumeOffer = draft;
      if (editing) this.#flow.start(loaded, editing.data ?? {}, firstFieldsIndex(runtime));
      else this.#flow.start(loaded);
      this.#onStepChanged(this.#flow.step!, this.#flow.stepIndex, undefined);
    } catch (error) {
      if (run !== this.#loads) return;
      console.error(error);
      this.loadFailed = true;
    }
  }

  override render(): TemplateResult {
    const text = this.#locale.text;
    const loaded = this.#flow.loaded;
    if (this.loadFailed) {
      return html`<div class="base" part="base"><p class="notice" part="notice" role="alert">${text.loadFailed}</p></div>`;
    }
    if (!loaded || !this.#flow.step) {
      return html`<div class="base" part="base" aria-busy="true"><p class="loading">${text.loading}</p></div>`;
    }
    const title = loaded.runtime.definition.title[this.#locale.locale];
    if (this.resumeOffer) return this.#frame(title, nothing, this.#renderResumeOffer(this.resumeOffer));
    const step = this.#flow.step;
    const view = deriveStepView(loaded.runtime, step.id, this.#flow.data, this.#flow.context());
    const current = view.progress.find((item) => item.state === 'current');
    const status = current ? text.stepStatus(current.number, view.progress.length, current.title) : '';
    const stepper = step.type === 'complete' ? nothing : renderStepper(view.progress, text);
    switch (step.type) {
      case 'interstitial':
        return view.presentation === 'dialog'
          ? this.#frame(title, nothing, html`${this.#renderPageBehind(loaded)}${this.#renderDialog(view)}`)
          : this.#frame(view.title ?? title, nothing, this.#renderInterstitial(view));
      case 'fields':
        return this.#frame(title, stepper, this.#renderFields(loaded, view), status);
      case 'confirm':
        return this.#frame(title, stepper, this.#renderConfirm(view), status);
      case 'complete':
        return this.#frame(title, nothing, this.#renderComplete(view), view.title ?? '');
      default: {
        const exhaustive: never = step;
        return exhaustive;
      }
    }
  }

  #frame(title: string, stepper: TemplateResult | typeof nothing, body: TemplateResult, status = '') {
    return html`<div class="base" part="base">
      <h2 class="title" part="title" tabindex="-1">
        ${title}${status ? html`<span class="visually-hidden">${status}</span>` : nothing}
      </h2>
      ${stepper}
      <div class="panel" part="panel">${body}</div>
    </div>`;
  }

  #renderInterstitial(view: StepView) {
    return html`<div class="interstitial">
      ${renderBlocks(view.blocks)}
      <div class="actions center">
        <button type="button" class="button" part="button" @click=${this.#cancel}>${view.cancelLabel}</button>
        <button type="button" class="button primary" part="button button-primary" @click=${this.#nextInterstitial}>
          ${view.nextLabel}
        </button>
      </div>
    </div>`;
  }

  /** Under a dialog step, the page step before it stays in view (the manual's retention screen). */
  #renderPageBehind(loaded: LoadedForm) {
    const previous = loaded.runtime.steps[this.#flow.stepIndex - 1];
    if (previous?.type !== 'interstitial' || previous.presentation === 'dialog') return nothing;
    const view = deriveStepView(loaded.runtime, previous.id, this.#flow.data, this.#flow.context());
    return this.#renderInterstitial(view);
  }

  #renderDialog(view: StepView) {
    return html`<dialog class="dialog" part="dialog" aria-labelledby="dialog-title" @cancel=${this.#onDialogEscape}>
      <h2 id="dialog-title" class="dialog-title">${view.title}</h2>
      <div class="dialog-body">${renderBlocks(view.blocks)}</div>
      <div class="actions center">
        <button type="button" class="button primary" part="button button-primary" @click=${this.#nextInterstitial}>
          ${view.nextLabel}
        </button>
        <button type="button" class="button" part="button" autofocus @click=${this.#dialogCancel}>${view.cancelLabel}</button>
      </div>
    </dialog>`;
  }

  #renderFields(loaded: LoadedForm, view: StepView) {
    const text = this.#locale.text;
    const back = previousFieldsIndex(loaded.runtime, this.#flow.stepIndex);
    const following = loaded.runtime.steps[this.#flow.stepIndex + 1];
    const nextLabel = view.nextLabel ?? (following?.type === 'fields' ? text.next : text.toConfirm);
    return html`<form class="step-form" novalidate @submit=${this.#onSubmitFields} @keydown=${this.#onFormKeydown}>
      ${renderErrorSummary(this.#flow.summary, text, (name) => this.#focusField(name))}
      ${view.blocks.length > 0 ? html`<div class="intro">${renderBlocks(view.blocks)}</div>` : nothing}
      <div class="fields">
        ${view.fields
          .filter((field) => field.visible)
          .map((field) =>
            renderField(field, {
              form: loaded.runtime,
              registry: this.widgets ?? widgetRegistry,
              data: this.#flow.data,
              errors: this.#flow.errors,
              locale: this.#locale.locale,
              text,
              today: loaded.today,
              onInput: (name, value) => this.#flow.input(name, value, this.#composition.composing),
              onCommit: (name, value) => this.#flow.commit(name, value, this.#composition.composing),
            }),
          )}
      </div>
      <div class="actions">
        ${back === undefined ? nothing : html`<button type="button" class="button" part="button" @click=${() => this.#flow.back()}>${text.back}</button>`}
        <button type="submit" class="button primary" part="button button-primary">${nextLabel}</button>
      </div>
      <p class="leave"><button type="button" class="link" @click=${this.#cancel}>${text.leave}</button></p>
    </form>`;
  }

  #renderConfirm(view: StepView) {
    const text = this.#locale.text;
    const confirmed = this.#flow.confirmed;
    const label = this.#editing ? text.resubmit : (view.submitLabel ?? text.submit);
    return html`${view.blocks.length > 0 ? html`<div class="intro">${renderBlocks(view.blocks)}</div>` : nothing}
      ${this.notice ? html`<p class="notice" part="notice" role="alert" tabindex="-1">${this.notice}</p>` : nothing}
      ${confirmed ? renderConfirmView(confirmed.view, this.#locale.locale, text, (stepId) => this.#flow.edit(stepId)) : nothing}
      <div class="actions">
        <button type="button" class="button" part="button" ?disabled=${this.submitting} @click=${() => this.#flow.back()}>
          ${text.back}
        </button>
        <button
          type="button"
          class="button primary submit"
          part="button button-primary"
          ?disabled=${this.submitting}
          @click=${this.#submit}
        >
          ${this.submitting ? text.submitting : label}
        </button>
      </div>
      <p class="visually-hidden" role="status">${this.submitting ? text.submitting : ''}</p>`;
  }

  #renderComplete(view: StepView) {
    return html`<div class="complete">
      <p class="complete-badge">${view.title}</p>
      ${renderBlocks(view.blocks)}
    </div>`;
  }

  #renderResumeOffer(draft: Draft) {
    const text = this.#locale.text;
    return html`<section class="resume" part="draft-offer" aria-labelledby="resume-title">
      <h3 id="resume-title" class="block-heading">${text.resumeTitle}</h3>
      <p class="muted">${text.resumeSaved(formatTimestamp(draft.updatedAt))}</p>
      <div class="actions">
        <button type="button" class="button" part="button" @click=${this.#discardDraft}>${text.discard}</button>
        <button type="button" class="button primary" part="button button-primary" @click=${this.#resumeDraft}>${text.resume}</button>
      </div>
    </section>`;
  }

  #onStepChanged(step: Step, index: number, previous: Step | undefined) {
    const runtime = this.#flow.loaded!.runtime;
    this.notice = undefined;
    emit(this, 'mamis-step-change', {
      formId: runtime.id,
      stepId: step.id,
      stepType: step.type,
      index,
      previousStepId: previous?.id,
    });
  }

  #nextInterstitial = () => {
    const runtime = this.#flow.loaded!.runtime;
    const next = this.#flow.stepIndex + 1;
    const following = runtime.steps[next];
    if (following?.type === 'confirm') this.#flow.enterConfirm();
    else if (following) this.#flow.goTo(next);
  };

  #cancel = () => {
    emit(this, 'mamis-cancel', { formId: this.#flow.loaded!.runtime.id, stepId: this.#flow.step!.id });
  };

  /** キャンセル in a dialog closes it, back to the page under it; with none, the form is left. */
  #dialogCancel = () => {
    if (this.#flow.stepIndex > 0) this.#flow.goTo(this.#flow.stepIndex - 1);
    else this.#cancel();
  };

  #onDialogEscape = (event: Event) => {
    event.preventDefault();
    this.#dialogCancel();
  };

  #onFormKeydown = (event: KeyboardEvent) => {
    // Enter that confirms a kana-kanji conversion must not submit the step.
    if (event.key === 'Enter' && this.#composition.isCompositionKey(event)) event.preventDefault();
  };

  #onSubmitFields = (event: SubmitEvent) => {
    event.preventDefault();
    if (this.#composition.composing) return;
    this.#flow.next();
  };

  #onCompositionEnd(target: EventTarget | null) {
    const name = target instanceof Element ? target.closest<HTMLElement>('[data-field]')?.dataset.field : undefined;
    if (name !== undefined && this.#flow.errors.has(name)) this.#flow.revalidate([name]);
  }

  #focusField(name: string) {
    const root = this.renderRoot;
    const target =
      root.getElementById(fieldIds(name).control) ??
      root.querySelector<HTMLElement>(`[data-field="${CSS.escape(name)}"] :is(input, select, textarea, button)`);
    target?.focus();
    target?.scrollIntoView({ block: 'center' });
  }

  #submit = async () => {
    const loaded = this.#flow.loaded;
    const confirmed = this.#flow.confirmed;
    if (this.submitting || !loaded || !confirmed) return;
    const { runtime } = loaded;
    const payload = JSON.stringify(confirmed.value);
    if (this.#idempotency?.payload !== payload) this.#idempotency = { key: newIdempotencyKey(), payload };
    const key = this.#idempotency.key;
    this.submitting = true;
    this.notice = undefined;
    try {
      const api = this.#api;
      const application = !api
        ? null
        : this.#editing
          ? await api.editApplication(this.#editing.id, confirmed.value, key)
          : await api.submit(runtime.id, runtime.version, confirmed.value, key);
      await this.#drafts.discard();
      this.#idempotency = undefined;
      const done = nextIndexOfType(runtime, this.#flow.stepIndex, 'complete');
      if (done !== undefined) this.#flow.goTo(done);
      emit(this, 'mamis-submitted', {
        formId: runtime.id,
        version: runtime.version,
        application,
        data: confirmed.value,
        confirmView: confirmed.view,
      });
    } catch (error) {
      this.#onSubmitFailed(error);
    } finally {
      this.submitting = false;
    }
  };

  #onSubmitFailed(error: unknown) {
    const text = this.#locale.text;
    const runtime = this.#flow.loaded!.runtime;
    if (error instanceof ApiError && error.status === 422 && error.fields.length > 0) {
      const errors = fieldErrorsOf(runtime, error.fields);
      if (errors.some((fieldError) => fieldError.field !== '')) {
        this.#flow.showAnywhere(errors);
        return;
      }
    }
    if (!(error instanceof ApiError)) console.error(error);
    this.notice =
      error instanceof ApiError
        ? error.status === NETWORK_FAILURE
          ? text.networkFailed
          : error.message
        : text.submitFailed;
    this.#flow.focus = 'notice';
  }

  #resumeDraft = () => {
    const draft = this.resumeOffer!;
    const loaded = this.#flow.loaded!;
    this.resumeOffer = undefined;
    const index = indexOfStep(loaded.runtime, draft.stepId);
    const step = loaded.runtime.steps[index];
    this.#flow.start(loaded, draft.data, step?.type === 'fields' ? index : firstFieldsIndex(loaded.runtime));
    if (step?.type === 'confirm') this.#flow.enterConfirm();
    else this.#flow.goTo(this.#flow.stepIndex);
  };

  #discardDraft = () => {
    this.resumeOffer = undefined;
    void this.#drafts.discard();
    this.#flow.focus = 'title';
  };
}
