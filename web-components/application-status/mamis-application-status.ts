import { html, nothing } from 'lit/html.js';
import { ApiClient } from '../api/api-client.js';
import type { ApplicationView } from '../api/api-types.js';
import { MamisElement, type PropertyValues } from '../base/mamis-element.js';
import { LocaleController } from '../controllers/locale-controller.js';
import { RemoteDataController } from '../controllers/remote-data-controller.js';
import { emit } from '../events/mamis-events.js';
import { baseStyles } from '../styles/base-styles.js';
import { panelStyles } from '../styles/panel-styles.js';
import { applicationStatusStyles } from './mamis-application-status.styles.js';

/**
 * The 申請ステータス panel of マイページ: each application with its form, facility and one
 * status per association (申請 / 申請中 / 承認 / 差戻し / 取下げ), with 修正 and 削除 while it
 * can still change. "現在、申請はありません" when there are none.
 *
 * Reads `GET /api/me/applications` at `base-url` (`''` = this page's origin), or shows the
 * `applications` property; 削除 calls `DELETE /api/me/applications/:id` after a confirmation.
 *
 * @summary The member's applications and their status per association.
 * @attribute lang - `ja` (default) or `en`.
 * @event mamis-edit - 修正 was pressed; the host opens the form with `detail.application`.
 * @event mamis-deleted - An application was deleted; its targets are now 取下げ.
 * @csspart panel - The panel.
 * @csspart title - The panel's title.
 * @csspart application - One application.
 * @csspart chip - A status chip; also `chip-submitted`, `chip-in_review`, `chip-approved`, `chip-returned`, `chip-withdrawn`.
 * @csspart button - The 修正 and 削除 buttons.
 * @csspart dialog - The delete confirmation.
 * @cssprop --mamis-accent - Accent colour (teal).
 * @cssprop --mamis-danger - The 削除 button and 差戻し chip.
 */
export class MamisApplicationStatus extends MamisElement {
  static override styles = [baseStyles, panelStyles, applicationStatusStyles];

  static override properties = {
    baseUrl: { type: String, attribute: 'base-url' },
    token: { attribute: false },
    applications: { attribute: false },
    deleting: { state: true },
    failed: { state: true },
  };

  /** Where the API lives (`''` = this page's origin). */
  declare baseUrl: string | undefined;
  /** An embed token (sent as `Authorization: Bearer`). */
  declare token: string | undefined;
  /** Applications to show instead of fetching them (削除 is then not offered). */
  declare applications: readonly ApplicationView[] | undefined;
  declare private deleting: ApplicationView | undefined;
  declare private failed: boolean;

  readonly #locale = new LocaleController(this);
  readonly #remote = new RemoteDataController(this, (api) => api.applications());

  constructor() {
    super();
    this.failed = false;
  }

  /** Fetches the applications again (after a submission, say). */
  refresh(): Promise<void> {
    const api = this.#api();
    return api ? this.#remote.load(api) : Promise.resolve();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('baseUrl') || changed.has('token') || (changed.has('applications') && !this.applications)) {
      void this.refresh();
    }
  }

  protected override updated(): void {
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog && !dialog.open) dialog.showModal();
  }

  #api(): ApiClient | undefined {
    const base = this.baseUrl ?? (this.applications ? undefined : '');
    if (base === undefined) return undefined;
    return new ApiClient({ baseUrl: base, token: this.token, locale: () => this.#locale.locale });
  }

  override render() {
    const text = this.#locale.text;
    const applications = this.applications ?? this.#remote.value;
    return html`<section class="panel" part="panel" aria-labelledby="title" aria-busy=${applications ? 'false' : 'true'}>
        <h2 id="title" class="title" part="title">${text.statusTitle}</h2>
        <div class="body">
          ${this.#remote.failed && !applications ? html`<p class="notice" role="alert">${text.loadFailed}</p>` : nothing}
          ${this.failed ? html`<p class="notice" role="alert">${text.submitFailed}</p>` : nothing}
          ${
            !applications
              ? html`<p class="muted">${this.#remote.failed ? '' : text.loading}</p>`
              : applications.length === 0
                ? html`<p class="empty" part="empty">${text.noApplications}</p>`
                : html`<ul class="applications">
                    ${applications.map((application) => this.#renderApplication(application))}
                  </ul>`
          }
        </div>
      </section>
      ${this.deleting ? this.#renderDeleteDialog(this.deleting) : nothing}`;
  }

  #renderApplication(application: ApplicationView) {
    const text = this.#locale.text;
    const locale = this.#locale.locale;
    const title = application.formTitle[locale];
    const canDelete = application.editable && this.#api() !== undefined;
    return html`<li class="application" part="application">
      <div class="head">
        <h3 class="form-title">${title}</h3>
        ${application.facility ? html`<span class="facility">${text.facility}${text.colon}${application.facility[locale]}</span>` : nothing}
        ${
          canDelete
            ? html`<button
                type="button"
                class="button danger small"
                part="button"
                aria-label=${`${title}${text.colon}${text.delete}`}
                @click=${() => {
                  this.deleting = application;
                }}
              >
                ${text.delete}
              </button>`
            : nothing
        }
      </div>
      <ul class="targets">
        ${application.targets.map(
          (target) => html`<li class="target">
            <span class="target-name">${target.name[locale]}</span>
            <span class="chip ${target.status}" part="chip chip-${target.status}">${target.statusLabel[locale]}</span>
            ${target.comment ? html`<p class="comment">${text.returnComment}${text.colon}${target.comment}</p>` : nothing}
          </li>`,
        )}
      </ul>
      ${
        application.editable
          ? html`<div class="foot">
              <button
                type="button"
                class="button small"
                part="button"
                aria-label=${`${title}${text.colon}${text.edit}`}
                @click=${() => emit(this, 'mamis-edit', { application })}
              >
                ${text.edit}
              </button>
            </div>`
          : nothing
      }
    </li>`;
  }

  #renderDeleteDialog(application: ApplicationView) {
    const text = this.#locale.text;
    return html`<dialog class="dialog" part="dialog" aria-labelledby="delete-title" @cancel=${this.#closeDialog}>
      <h2 id="delete-title">${text.deleteTitle}</h2>
      <p>${application.formTitle[this.#locale.locale]}</p>
      <p>${text.deleteBody}</p>
      <div class="actions">
        <button type="button" class="button" part="button" autofocus @click=${this.#closeDialog}>${text.cancel}</button>
        <button type="button" class="button danger" part="button" @click=${() => this.#delete(application)}>
          ${text.deleteConfirm}
        </button>
      </div>
    </dialog>`;
  }

  #closeDialog = (event?: Event) => {
    event?.preventDefault();
    this.deleting = undefined;
  };

  async #delete(application: ApplicationView) {
    const api = this.#api();
    this.deleting = undefined;
    if (!api) return;
    this.failed = false;
    try {
      await api.deleteApplication(application.id);
      emit(this, 'mamis-deleted', { application });
      await this.refresh();
    } catch (error) {
      console.error(error);
      this.failed = true;
    }
  }
}
