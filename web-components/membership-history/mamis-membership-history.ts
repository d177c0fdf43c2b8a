import { html, nothing } from 'lit/html.js';
import { formatDisplayDate, layerLabel } from '../../engine/browser.js';
import { ApiClient } from '../api/api-client.js';
import type { HistoryEntry } from '../api/api-types.js';
import { MamisElement, type PropertyValues } from '../base/mamis-element.js';
import { LocaleController } from '../controllers/locale-controller.js';
import { RemoteDataController } from '../controllers/remote-data-controller.js';
import { baseStyles } from '../styles/base-styles.js';
import { panelStyles } from '../styles/panel-styles.js';
import { membershipHistoryStyles } from './mamis-membership-history.styles.js';

/**
 * 医師会入退会履歴: every membership period of the member, by association and layer, with the
 * facility and the dates joined and left (yyyy/mm/dd; 在籍中 while current).
 *
 * Reads `GET /api/me/history` at `base-url` (`''` = this page's origin), or shows `history`.
 *
 * @summary The member's membership history.
 * @attribute lang - `ja` (default) or `en`.
 * @csspart panel - The panel.
 * @csspart title - The panel's title.
 * @csspart table - The history table.
 * @cssprop --mamis-accent - Accent colour (teal).
 */
export class MamisMembershipHistory extends MamisElement {
  static override styles = [baseStyles, panelStyles, membershipHistoryStyles];

  static override properties = {
    baseUrl: { type: String, attribute: 'base-url' },
    token: { attribute: false },
    history: { attribute: false },
  };

  /** Where the API lives (`''` = this page's origin). */
  declare baseUrl: string | undefined;
  /** An embed token (sent as `Authorization: Bearer`). */
  declare token: string | undefined;
  /** Entries to show instead of fetching them. */
  declare history: readonly HistoryEntry[] | undefined;

  readonly #locale = new LocaleController(this);
  readonly #remote = new RemoteDataController(this, (api) => api.history());

  /** Fetches the history again. */
  refresh(): Promise<void> {
    const base = this.baseUrl ?? (this.history ? undefined : '');
    if (base === undefined) return Promise.resolve();
    return this.#remote.load(new ApiClient({ baseUrl: base, token: this.token, locale: () => this.#locale.locale }));
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('baseUrl') || changed.has('token') || (changed.has('history') && !this.history))
      void this.refresh();
  }

  override render() {
    const text = this.#locale.text;
    const locale = this.#locale.locale;
    const history = this.history ?? this.#remote.value;
    return html`<section class="panel" part="panel" aria-labelledby="title" aria-busy=${history ? 'false' : 'true'}>
      <h2 id="title" class="title" part="title">${text.historyTitle}</h2>
      <div class="body">
        ${this.#remote.failed && !history ? html`<p class="notice" role="alert">${text.loadFailed}</p>` : nothing}
        ${
          !history
            ? html`<p class="muted">${this.#remote.failed ? '' : text.loading}</p>`
            : history.length === 0
              ? html`<p class="empty">${text.noHistory}</p>`
              : html`<table part="table">
                  <thead>
                    <tr>
                      <th scope="col">${text.historyAssociation}</th>
                      <th scope="col">${text.facility}</th>
                      <th scope="col">${text.historyStarted}</th>
                      <th scope="col">${text.historyEnded}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${history.map(
                      (entry) => html`<tr>
                        <td><span class="layer">${layerLabel(entry.layer)[locale]}</span>${entry.name[locale]}</td>
                        <td data-label=${text.facility + text.colon}>${entry.facility[locale]}</td>
                        <td class="date" data-label=${text.historyStarted + text.colon}>${formatDisplayDate(entry.startedOn)}</td>
                        <td class="date" data-label=${text.historyEnded + text.colon}>
                          ${
                            entry.endedOn
                              ? formatDisplayDate(entry.endedOn)
                              : html`<span class="current">${text.historyCurrent}</span>`
                          }
                        </td>
                      </tr>`,
                    )}
                  </tbody>
                </table>`
        }
      </div>
    </section>`;
  }
}
