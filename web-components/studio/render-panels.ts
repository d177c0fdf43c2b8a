import { html, nothing, type TemplateResult } from 'lit';
import type { ConfirmView, FieldError, Locale, MailHook } from '../../engine/browser.js';
import { renderConfirmView } from '../form/render-confirm-view.js';
import { chromeText } from '../i18n/chrome-text.js';
import type { StudioText } from './studio-text.js';
import type { RenderedMail, StudioIssue } from './studio-types.js';

/** チェック結果: every issue with its pointer; a click takes the editor there. */
export function renderIssues(
  issues: readonly StudioIssue[],
  locale: Locale,
  text: StudioText,
  reveal: (issue: StudioIssue) => void,
): TemplateResult {
  if (issues.length === 0) return html`<p class="ok-line">${text.noIssues}</p>`;
  return html`<p class="muted">${text.issuesIntro}</p>
    <ol class="issues">
      ${issues.map(
        (issue) => html`<li>
          <button type="button" class="issue" @click=${() => reveal(issue)}>
            <span class="issue-where">
              ${issue.file.startsWith('studio:') ? nothing : html`<span class="issue-file">${text.templateFile} ${issue.file}</span>`}
              <code class="issue-pointer">${issue.pointer || '/'}</code>
              <span class="issue-code">${issue.code}</span>
            </span>
            <span class="issue-message">${issue.message[locale]}</span>
          </button>
        </li>`,
      )}
    </ol>`;
}

/** 確認画面: the server's errors for the test data, and the confirm view it derives. */
export function renderConfirmPanel(
  result: { readonly errors: readonly FieldError[]; readonly confirmView: ConfirmView | null } | undefined,
  locale: Locale,
  text: StudioText,
): TemplateResult {
  if (!result?.confirmView) return html`<p class="muted">${text.confirmWaiting}</p>`;
  return html`${
    result.errors.length > 0
      ? html`<section class="data-errors" aria-labelledby="data-errors-title">
          <h3 id="data-errors-title">${text.dataErrors}</h3>
          <ul>
            ${result.errors.map((error) => html`<li><code>${error.pointer || '/'}</code> ${error.message}</li>`)}
          </ul>
        </section>`
      : html`<p class="ok-line">${text.dataValid}</p>`
  }
    <div class="confirm">${renderConfirmView(result.confirmView, locale, chromeText(locale), undefined)}</div>`;
}

export interface MailPanelState {
  readonly hooks: readonly MailHook[];
  readonly template: string | undefined;
  readonly locale: Locale;
  readonly mail: RenderedMail | undefined;
  readonly frameUrl: string | undefined;
  readonly busy: boolean;
  readonly error: string | undefined;
}

export interface MailPanelActions {
  readonly chooseTemplate: (template: string) => void;
  readonly chooseLocale: (locale: Locale) => void;
  readonly render: () => void;
}

/** メール: a template of the draft's hooks in a language, rendered by the server's mail renderer. */
export function renderMailPanel(state: MailPanelState, text: StudioText, actions: MailPanelActions): TemplateResult {
  if (state.hooks.length === 0) return html`<p class="muted">${text.noHooks}</p>`;
  return html`<div class="mail-controls">
      <label>
        <span>${text.mailTemplate}</span>
        <select @change=${(event: Event) => actions.chooseTemplate((event.target as HTMLSelectElement).value)}>
          ${state.hooks.map(
            (hook) =>
              html`<option value=${hook.template} ?selected=${hook.template === state.template}>
                ${hook.template}（${hook.on} → ${hook.to}）
              </option>`,
          )}
        </select>
      </label>
      <label>
        <span>${text.mailLocale}</span>
        <select @change=${(event: Event) => actions.chooseLocale((event.target as HTMLSelectElement).value as Locale)}>
          ${(['ja', 'en'] as const).map(
            (locale) =>
              html`<option value=${locale} ?selected=${locale === state.locale}>${text.localeNames[locale]}</option>`,
          )}
        </select>
      </label>
      <button type="button" class="button" ?disabled=${state.busy} @click=${actions.render}>
        ${state.busy ? text.rendering : text.renderMail}
      </button>
    </div>
    ${state.error ? html`<p class="notice" role="alert">${state.error}</p>` : nothing}
    ${
      state.mail
        ? html`<dl class="mail">
            <dt>${text.subject}</dt>
            <dd class="mail-subject">${state.mail.subject}</dd>
            <dt>${text.textBody}</dt>
            <dd><pre class="mail-text">${state.mail.text}</pre></dd>
            <dt>
              ${text.htmlBody}
              <a class="open-html" href=${state.frameUrl ?? 'about:blank'} target="_blank" rel="noopener">${text.openHtml}</a>
            </dt>
            <dd>
              <iframe class="mail-html" title=${text.htmlBody} sandbox="" src=${state.frameUrl ?? 'about:blank'}></iframe>
            </dd>
          </dl>`
        : nothing
    }`;
}
