import type { ReactiveController } from 'lit';
import type { ControllerHost } from '../base/mamis-element.js';

/** An element whose shadow root holds the inputs. */
type CompositionHost = ControllerHost & { readonly renderRoot: Node };

/**
 * Knows when the member is composing text with an input method (Japanese kana-kanji
 * conversion). While composing, Enter confirms a conversion: it must neither submit the step
 * nor trigger validation. `onEnd` runs when a composition is committed.
 */
export class CompositionController implements ReactiveController {
  readonly #host: CompositionHost;
  readonly #onEnd: (target: EventTarget | null) => void;
  #composing = false;

  constructor(host: CompositionHost, onEnd: (target: EventTarget | null) => void) {
    this.#host = host;
    this.#onEnd = onEnd;
    host.addController(this);
  }

  get composing(): boolean {
    return this.#composing;
  }

  /** True for a key event that belongs to a composition (Safari sends keyCode 229 after compositionend). */
  isCompositionKey(event: KeyboardEvent): boolean {
    return this.#composing || event.isComposing || event.keyCode === 229;
  }

  hostConnected(): void {
    // The shadow root sees events from its inputs whether or not they are composed.
    this.#host.renderRoot.addEventListener('compositionstart', this.#start);
    this.#host.renderRoot.addEventListener('compositionend', this.#end);
  }

  hostDisconnected(): void {
    this.#host.renderRoot.removeEventListener('compositionstart', this.#start);
    this.#host.renderRoot.removeEventListener('compositionend', this.#end);
    this.#composing = false;
  }

  #start = () => {
    this.#composing = true;
  };

  #end = (event: Event) => {
    this.#composing = false;
    this.#onEnd(event.composedPath()[0] ?? null);
  };
}
