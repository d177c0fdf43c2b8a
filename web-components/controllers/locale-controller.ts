import type { ReactiveController } from 'lit';
import type { Locale } from '../../engine/browser.js';
import type { ControllerHost } from '../base/mamis-element.js';
import { type ChromeText, chromeText } from '../i18n/chrome-text.js';
import { resolveLocale } from '../i18n/resolve-locale.js';

type LocaleHost = ControllerHost & HTMLElement;

/**
 * The element's language from its `lang` attribute (or the page's), re-rendering the element
 * when either changes. Japanese unless told otherwise.
 */
export class LocaleController implements ReactiveController {
  readonly #host: LocaleHost;
  readonly #observer: MutationObserver;

  constructor(host: LocaleHost) {
    this.#host = host;
    this.#observer = new MutationObserver(() => host.requestUpdate());
    host.addController(this);
  }

  get locale(): Locale {
    return resolveLocale(this.#host);
  }

  get text(): ChromeText {
    return chromeText(this.locale);
  }

  hostConnected(): void {
    const options = { attributes: true, attributeFilter: ['lang'] };
    this.#observer.observe(this.#host, options);
    this.#observer.observe(document.documentElement, options);
  }

  hostDisconnected(): void {
    this.#observer.disconnect();
  }
}
