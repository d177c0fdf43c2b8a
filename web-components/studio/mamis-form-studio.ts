import { html, LitElement, nothing, type TemplateResult } from 'lit';
import type { FormDefinition, Locale, MailHook, ValidatorFactory } from '../../engine/browser.js';
import metaSchema from '../../forms/form-definition.schema.json' with { type: 'json' };
import type { ApplicationView } from '../api/api-types.js';
import { LocaleController } from '../controllers/locale-controller.js';
import { baseStyles } from '../styles/base-styles.js';
import { issueMarks, issueRange } from './issue-diagnostics.js';
import { JsonEditor } from './json-editor.js';
import { studioStyles } from './mamis-form-studio.styles.js';
import { renderConfirmPanel, renderIssues, renderMailPanel } from './render-panels.js';
import { type PreviewInput, StudioApi, StudioApiError } from './studio-api.js';
import { type StudioText, studioText } from './studio-text.js';
import type {
  FormDetail,
  FormSummary,
  PreviewResult,
  PublishResult,
  RenderedMail,
  StudioIssue,
} from './studio-types.js';

type Tab = 'preview' | 'confirm' | 'issues' | 'mail';
const TABS: readonly Tab[] = ['preview', 'confirm', 'issues', 'mail'];
/** How long typing pauses before the draft is checked. */
const CHECK_DELAY_MS = 400;

/** A draft that passed the server's check, with its compiled validator loaded. */
interface PassedDraft {
  readonly definition: FormDefinition;
  readonly validator: ValidatorFactory;
  readonly hash: string;
}

/** `mamis-published`: a new version of the form was published. */
export type MamisPublishedDetail = PublishResult;

/**
 * The form studio for staff: pick a form, edit its definition as JSON (completion, hover help
 * and inline errors from the meta-schema and the server's check), see the form and its confirm
 * view follow the edit, fill it with test data, render its mails, and publish it as the next
 * version. Everything it shows about a draft comes from the server's check of that draft.
 *
 * @summary The staff editor of form definitions (フォームスタジオ).
 * @attribute form - The id of the form to open first; the first form by default.
 * @attribute base-url - Where the API lives; the page's own origin by default.
 * @attribute lang - `ja` (default) or `en`.
 * @event mamis-published - A version was published; `detail` has `formId`, `version`, `hash`.
 */
export class MamisFormStudio extends LitElement {
  static override styles = [baseStyles, studioStyles];

  static override properties = {
    form: { type: String, reflect: true },
    baseUrl: { type: String, attribute: 'base-url' },
    forms: { state: true },
    detail: { state: true },
    tab: { state: true },
    issues: { state: true },
    checking: { state: true },
    failure: { state: true },
    draft: { state: true },
    stale: { state: true },
    preview: { state: true },
    exampleName: { state: true },
    memberId: { state: true },
    fromFields: { state: true },
    mailTemplate: { state: true },
    mailLocale: { state: true },
    mail: { state: true },
    mailBusy: { state: true },
    mailError: { state: true },
    publishing: { state: true },
    notice: { state: true },
  };

  /** The form being edited. */
  declare form: string | undefined;
  declare baseUrl: string | undefined;
  declare private forms: readonly FormSummary[] | undefined;
  declare private detail: FormDetail | undefined;
  declare private tab: Tab;
  declare private issues: readonly StudioIssue[];
  declare private checking: boolean;
  declare private failure: string | undefined;
  declare private draft: PassedDraft | undefined;
  /** The editor's text fails its check (or is not JSON): the preview shows the last draft that passed. */
  declare private stale: boolean;
  declare private preview: PreviewResult | undefined;
  declare private exampleName: string;
  declare private memberId: string | undefined;
  declare private fromFields: boolean;
  declare private mailTemplate: string | undefined;
  declare private mailLocale: Locale;
  declare private mail: RenderedMail | undefined;
  declare private mailBusy: boolean;
  declare private mailError: string | undefined;
  declare private publishing: boolean;
  declare private notice: { readonly kind: 'ok' | 'error'; readonly text: string } | undefined;

  readonly #locale = new LocaleController(this);
  #api: StudioApi | undefined;
  #editor: JsonEditor | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** An edit waiting for its check (typing has not paused yet). */
  #pendingText: string | undefined;
  /** Counts checks, so an answer to an older text is dropped. */
  #run = 0;
  /** Counts forms opened, so a slow answer for an earlier pick is dropped. */
  #opening = 0;
  /** The text whose check passed, with its parsed definition: what 公開 sends. */
  #passed: { readonly text: string; readonly definition: unknown } | undefined;
  /** The test application given to the live preview; a new object only when its inputs change. */
  #previewApplication: ApplicationView | undefined;

  constructor() {
    super();
    this.tab = 'preview';
    this.issues = [];
    this.checking = false;
    this.stale = false;
    this.exampleName = '';
    this.fromFields = true;
    this.mailLocale = 'ja';
    this.mailBusy = false;
    this.publishing = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#api = new StudioApi(this.baseUrl ?? '', () => this.#locale.locale);
    void this.#loadForms();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
    this.#editor?.destroy();
    this.#editor = undefined;
  }

  protected override updated(): void {
    if (!this.#editor) {
      const parent = this.renderRoot.querySelector<HTMLElement>('.editor');
      if (parent) {
        this.#editor = new JsonEditor({
          parent,
          root: this.renderRoot as ShadowRoot,
          schema: metaSchema,
          label: this.#text.editor,
          onChange: (text) => this.#edited(text),
        });
        if (this.detail) this.#editor.setText(definitionText(this.detail.form.definition));
      }
    }
  }

  get #text(): StudioText {
    return studioText(this.#locale.locale);
  }

  async #loadForms(): Promise<void> {
    try {
      this.forms = await this.#api!.forms();
      const first = this.forms.find((form) => form.id === this.form) ?? this.forms[0];
      if (first) await this.#open(first.id);
    } catch (error) {
      this.#fail(error);
    }
  }

  async #open(formId: string): Promise<void> {
    const opening = ++this.#opening;
    this.form = formId;
    this.failure = undefined;
    this.notice = undefined;
    const detail = await this.#api!.form(formId);
    // Another form was picked while this one loaded: that one wins.
    if (opening !== this.#opening) return;
    this.detail = detail;
    this.draft = undefined;
    this.preview = undefined;
    this.mail = undefined;
    this.mailError = undefined;
    this.exampleName = '';
    this.memberId = detail.testMembers[0]?.id;
    this.mailTemplate = detail.form.definition.mail?.[0]?.template;
    this.#previewApplication = undefined;
    // Setting the text fires the change that checks it; the editor appears on first render.
    this.#editor?.setText(definitionText(detail.form.definition));
  }

  #edited(text: string): void {
    this.checking = true;
    this.#passed = undefined;
    this.#pendingText = text;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#pendingText = undefined;
      void this.#check(text);
    }, CHECK_DELAY_MS);
  }

  async #check(text: string): Promise<void> {
    const run = ++this.#run;
    const formId = this.form;
    if (!formId) return;
    let definition: unknown;
    try {
      definition = JSON.parse(text);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.issues = [
        {
          formId,
          file: `studio:${formId}`,
          pointer: '',
          code: 'not-json',
          message: { ja: studioText('ja').notJson(reason), en: studioText('en').notJson(reason) },
        },
      ];
      this.stale = true;
      this.checking = false;
      return;
    }
    try {
      const result = await this.#api!.check(formId, definition);
      if (run !== this.#run) return;
      this.issues = result.issues;
      this.#editor?.showMarks(text, issueMarks(text, result.issues, this.#locale.locale));
      this.stale = result.issues.length > 0;
      if (result.validatorUrl && result.hash) {
        this.#passed = { text, definition };
        if (result.hash !== this.draft?.hash) await this.#loadDraft(definition, result.hash, result.validatorUrl, run);
        await this.#refreshPreview();
      }
    } catch (error) {
      if (run === this.#run) this.#fail(error);
    } finally {
      if (run === this.#run && this.#pendingText === undefined) this.checking = false;
    }
  }

  /** Loads the draft's compiled validator as a module (a same-origin URL: fine under `script-src 'self'`). */
  async #loadDraft(definition: unknown, hash: string, validatorUrl: string, run: number): Promise<void> {
    const module = (await import(/* @vite-ignore */ this.#api!.resolve(validatorUrl))) as { default: ValidatorFactory };
    if (run !== this.#run) return;
    this.draft = { definition: definition as FormDefinition, validator: module.default, hash };
    this.#previewApplication = undefined;
  }

  #previewInput(locale: Locale = this.#locale.locale): PreviewInput {
    const example = this.detail?.examples.find((candidate) => candidate.name === this.exampleName);
    return {
      data: example?.data,
      member: this.memberId,
      today: example?.today ?? this.detail?.today,
      locale,
    };
  }

  async #refreshPreview(): Promise<void> {
    const passed = this.#passed;
    const formId = this.form;
    if (!passed || !formId) return;
    const run = this.#run;
    const preview = await this.#api!.preview(formId, passed.definition, this.#previewInput());
    if (run !== this.#run) return;
    this.preview = preview;
    if (this.tab === 'mail') await this.#renderMail();
  }

  async #renderMail(): Promise<void> {
    const passed = this.#passed;
    const formId = this.form;
    const hooks = this.#hooks();
    // An edit may have renamed or removed the chosen template: then the first one left.
    const template = hooks.some((hook) => hook.template === this.mailTemplate) ? this.mailTemplate : hooks[0]?.template;
    this.mailTemplate = template;
    if (!passed || !formId || !template) return;
    this.mailBusy = true;
    this.mailError = undefined;
    try {
      const result = await this.#api!.renderMail(
        formId,
        passed.definition,
        template,
        this.#previewInput(this.mailLocale),
      );
      this.mail = result.mail ?? undefined;
    } catch (error) {
      this.mailError = error instanceof Error ? error.message : String(error);
    } finally {
      this.mailBusy = false;
    }
  }

  #fail(error: unknown): void {
    console.error(error);
    this.failure = error instanceof StudioApiError ? error.message : this.#text.loadFailed;
  }

  override render(): TemplateResult {
    const text = this.#text;
    return html`<div class="studio">
      ${this.#renderBar(text)}
      ${this.failure ? html`<p class="notice" role="alert">${this.failure}</p>` : nothing}
      ${this.notice ? html`<p class="notice ${this.notice.kind}" role="status">${this.notice.text}</p>` : nothing}
      <div class="columns">
        <section class="left" aria-labelledby="editor-title">
          <div class="editor-head">
            <h3 id="editor-title">${text.editor}</h3>
            <span class="muted small">${text.editorHint}</span>
          </div>
          <div class="editor"></div>
          ${this.#renderHistory(text)}
        </section>
        <section class="right" aria-label=${text.panelsLabel}>
          ${this.#renderTestControls(text)}
          ${this.#renderTabs(text)}
          <div class="panel" role="tabpanel" id="panel-${this.tab}" aria-labelledby="tab-${this.tab}" tabindex="0">
            ${this.#renderPanel(text)}
          </div>
        </section>
      </div>
      ${this.#renderPublishDialog(text)}
    </div>`;
  }

  #renderBar(text: StudioText): TemplateResult {
    const detail = this.detail;
    const count = this.issues.length;
    const state = this.checking
      ? text.checking
      : count > 0
        ? text.issuesCount(count)
        : detail
          ? text.noIssues
          : text.loading;
    const publishable = !this.checking && count === 0 && this.#passed !== undefined && !this.publishing;
    return html`<header class="bar">
      <h2 class="title visually-hidden">${text.title}</h2>
      <label class="picker">
        <span>${text.form}</span>
        <select @change=${this.#onPick} ?disabled=${!this.forms}>
          ${(this.forms ?? []).map(
            (form) =>
              html`<option value=${form.id} ?selected=${form.id === this.form}>
                ${form.title[this.#locale.locale]}（${form.id}）
              </option>`,
          )}
        </select>
      </label>
      ${detail ? html`<span class="version">${text.current(detail.form.version)}</span>` : nothing}
      <span class="check-state ${this.checking ? 'busy' : count > 0 ? 'bad' : 'good'}" role="status">${state}</span>
      <button type="button" class="button primary publish" ?disabled=${!publishable} @click=${this.#openPublish}>
        ${this.publishing ? text.publishing : text.publish}
      </button>
    </header>`;
  }

  #renderHistory(text: StudioText): TemplateResult | typeof nothing {
    const versions = this.detail?.versions ?? [];
    if (versions.length === 0) return nothing;
    return html`<details class="history">
      <summary>${text.history(versions.length)}</summary>
      <ul>
        ${versions.map(
          (version) =>
            html`<li>${text.publishedLine(version.version, version.publishedAt.slice(0, 16).replace('T', ' '), version.publishedBy ?? '—')}</li>`,
        )}
      </ul>
    </details>`;
  }

  #renderTestControls(text: StudioText): TemplateResult {
    const detail = this.detail;
    return html`<div class="test-controls">
      <label>
        <span>${text.testData}</span>
        <select class="test-data" @change=${this.#onExample}>
          <option value="" ?selected=${this.exampleName === ''}>${text.noTestData}</option>
          ${(detail?.examples ?? []).map(
            (example) =>
              html`<option value=${example.name} ?selected=${example.name === this.exampleName}>${example.name}</option>`,
          )}
        </select>
      </label>
      <label>
        <span>${text.testMember}</span>
        <select class="test-member" @change=${this.#onMember}>
          ${(detail?.testMembers ?? []).map(
            (member) =>
              html`<option value=${member.id} ?selected=${member.id === this.memberId}>
                ${member.id === 'sample' ? text.sampleMember(member.name) : `${member.name}（${member.id}）`}
              </option>`,
          )}
        </select>
      </label>
      <label class="check">
        <input type="checkbox" .checked=${this.fromFields} @change=${this.#onFromFields} />
        <span>${text.fromFields}</span>
      </label>
    </div>`;
  }

  #renderTabs(text: StudioText): TemplateResult {
    return html`<div class="tabs" role="tablist" @keydown=${this.#onTabKey}>
      ${TABS.map(
        (tab) => html`<button
          type="button"
          role="tab"
          id="tab-${tab}"
          class="tab"
          aria-selected=${tab === this.tab ? 'true' : 'false'}
          aria-controls="panel-${tab}"
          tabindex=${tab === this.tab ? '0' : '-1'}
          @click=${() => this.#select(tab)}
        >
          ${text.tabs[tab]}${tab === 'issues' && this.issues.length > 0 ? html`<span class="count">${this.issues.length}</span>` : nothing}
        </button>`,
      )}
    </div>`;
  }

  #renderPanel(text: StudioText): TemplateResult {
    const locale = this.#locale.locale;
    switch (this.tab) {
      case 'preview':
        return this.#renderPreview(text);
      case 'confirm':
        return renderConfirmPanel(this.preview, locale, text);
      case 'issues':
        return renderIssues(this.issues, locale, text, (issue) => this.#reveal(issue));
      case 'mail':
        return renderMailPanel(
          {
            hooks: this.#hooks(),
            template: this.mailTemplate,
            locale: this.mailLocale,
            mail: this.mail,
            frameUrl: this.mail ? this.#api!.resolve(this.mail.htmlUrl) : undefined,
            busy: this.mailBusy,
            error: this.mailError,
          },
          text,
          {
            chooseTemplate: (template) => {
              this.mailTemplate = template;
              void this.#renderMail();
            },
            chooseLocale: (locale) => {
              this.mailLocale = locale;
              void this.#renderMail();
            },
            render: () => void this.#renderMail(),
          },
        );
      default: {
        const exhaustive: never = this.tab;
        return exhaustive;
      }
    }
  }

  #renderPreview(text: StudioText): TemplateResult {
    const draft = this.draft;
    const detail = this.detail;
    if (!draft || !detail) return html`<p class="muted">${text.previewWaiting}</p>`;
    const input = this.#previewInput();
    const member = detail.testMembers.find((candidate) => candidate.id === this.memberId);
    return html`${this.stale ? html`<p class="stale" role="status">${text.previewStale}</p>` : nothing}
      <mamis-form
        class="preview"
        lang=${this.#locale.locale}
        .definition=${draft.definition}
        .validator=${draft.validator}
        .sources=${member?.sources ?? {}}
        .today=${input.today ?? detail.today}
        .application=${this.fromFields ? this.#testApplication(draft, input) : undefined}
      ></mamis-form>`;
  }

  /**
   * The test data as an application being corrected (修正): `<mamis-form>` then opens at its first
   * fields step filled with the data. One object per draft and data, so the preview keeps its
   * place while nothing it shows has changed.
   */
  #testApplication(draft: PassedDraft, input: PreviewInput): ApplicationView {
    const data = input.data ?? {};
    const current = this.#previewApplication;
    if (
      current &&
      current.formVersion === draft.definition.version &&
      current.data === data &&
      current.id === draft.hash
    ) {
      return current;
    }
    const application: ApplicationView = {
      id: draft.hash,
      formId: draft.definition.id,
      formVersion: draft.definition.version,
      formTitle: draft.definition.title,
      status: 'open',
      editable: true,
      createdAt: '',
      updatedAt: '',
      facility: null,
      confirmView: {
        formId: draft.definition.id,
        version: draft.definition.version,
        title: draft.definition.title,
        sections: [],
      },
      targets: [],
      data,
    };
    this.#previewApplication = application;
    return application;
  }

  #renderPublishDialog(text: StudioText): TemplateResult {
    const next = (this.detail?.form.version ?? 0) + 1;
    return html`<dialog class="publish-dialog" aria-labelledby="publish-title" @close=${this.#onDialogClose}>
      <form method="dialog">
        <h2 id="publish-title">${text.publishTitle}</h2>
        <p>${text.publishBody(next)}</p>
        <div class="actions">
          <button type="submit" value="cancel" class="button" autofocus>${text.cancel}</button>
          <button type="submit" value="publish" class="button primary">${text.publishConfirm(next)}</button>
        </div>
      </form>
    </dialog>`;
  }

  /** The mail hooks of the draft being checked; while none has passed, the published definition's. */
  #hooks(): readonly MailHook[] {
    const definition = this.#passed?.definition as FormDefinition | undefined;
    return definition?.mail ?? this.draft?.definition.mail ?? this.detail?.form.definition.mail ?? [];
  }

  #select(tab: Tab): void {
    this.tab = tab;
    if (tab === 'mail' && !this.mail && !this.mailBusy) void this.#renderMail();
  }

  #reveal(issue: StudioIssue): void {
    const editor = this.#editor;
    if (!editor) return;
    editor.reveal(issueRange(editor.text, issue));
  }

  #onPick = (event: Event) => {
    const formId = (event.target as HTMLSelectElement).value;
    void this.#open(formId).catch((error: unknown) => this.#fail(error));
  };

  #onExample = (event: Event) => {
    this.exampleName = (event.target as HTMLSelectElement).value;
    // The examples are written for the sample member's groups and associations.
    if (this.exampleName !== '' && this.detail?.testMembers.some((member) => member.id === 'sample')) {
      this.memberId = 'sample';
    }
    this.fromFields = true;
    void this.#refreshPreview().catch((error: unknown) => this.#fail(error));
  };

  #onMember = (event: Event) => {
    this.memberId = (event.target as HTMLSelectElement).value;
    void this.#refreshPreview().catch((error: unknown) => this.#fail(error));
  };

  #onFromFields = (event: Event) => {
    this.fromFields = (event.target as HTMLInputElement).checked;
  };

  #onTabKey = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = TABS[(TABS.indexOf(this.tab) + step + TABS.length) % TABS.length]!;
    this.#select(next);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${next}`)?.focus());
  };

  #openPublish = () => {
    this.notice = undefined;
    this.renderRoot.querySelector<HTMLDialogElement>('.publish-dialog')?.showModal();
  };

  #onDialogClose = (event: Event) => {
    const dialog = event.target as HTMLDialogElement;
    if (dialog.returnValue === 'publish') void this.#publish();
    dialog.returnValue = '';
  };

  async #publish(): Promise<void> {
    const passed = this.#passed;
    const detail = this.detail;
    if (!passed || !detail) return;
    const text = this.#text;
    this.publishing = true;
    try {
      const result = await this.#api!.publish(detail.form.id, passed.definition, detail.form.version);
      this.dispatchEvent(
        new CustomEvent<MamisPublishedDetail>('mamis-published', { detail: result, bubbles: true, composed: true }),
      );
      this.forms = await this.#api!.forms();
      await this.#open(detail.form.id);
      this.notice = { kind: 'ok', text: text.published(result.version) };
    } catch (error) {
      if (error instanceof StudioApiError && error.issues.length > 0) {
        this.issues = error.issues;
        this.tab = 'issues';
      }
      this.notice = {
        kind: 'error',
        text: error instanceof StudioApiError ? `${text.publishRefused} ${error.message}` : text.publishRefused,
      };
    } finally {
      this.publishing = false;
    }
  }
}

/** How a definition shows in the editor: two-space JSON, as the files in `forms/` are written. */
function definitionText(definition: FormDefinition): string {
  return `${JSON.stringify(definition, null, 2)}\n`;
}
