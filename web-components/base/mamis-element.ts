import type { ReactiveController } from 'lit';
import { render } from 'lit/html.js';

/** How a property is declared in `static properties`: Lit's options, those the elements use. */
export interface PropertyOptions {
  /** `Boolean`: the attribute's presence; otherwise the attribute's text. */
  readonly type?: BooleanConstructor | StringConstructor;
  /** The attribute's name (the lowercased property name by default), or `false` for none. */
  readonly attribute?: boolean | string;
  /** Write the property back to its attribute (for `Boolean` properties). */
  readonly reflect?: boolean;
  /** Internal state: re-renders, never an attribute. */
  readonly state?: boolean;
}

/** The properties that changed since the last render, with their previous values. */
export type PropertyValues = ReadonlyMap<string, unknown>;

/** What a reactive controller needs of its element; `LitElement` has it too. */
export interface ControllerHost {
  addController(controller: ReactiveController): void;
  requestUpdate(): void;
}

type Properties = Readonly<Record<string, PropertyOptions>>;

function attributeOf(name: string, options: PropertyOptions): string | undefined {
  if (options.state || options.attribute === false) return undefined;
  return typeof options.attribute === 'string' ? options.attribute : name.toLowerCase();
}

/**
 * The elements' base: Lit's reactive update cycle, kept to what the elements use, rendering with
 * `lit-html`. Its `static properties` mean what they mean to `LitElement` (accessors that
 * re-render, attributes converted and reflected the same way), it hosts Lit's reactive
 * controllers, and `updateComplete` tells when a change is on screen. `LitElement` itself would
 * add a tenth to the bundle.
 */
export abstract class MamisElement extends HTMLElement implements ControllerHost {
  declare static properties: Properties;
  declare static styles: readonly CSSStyleSheet[];

  /** Read once, when the element is defined: each declared property becomes an accessor. */
  static get observedAttributes(): string[] {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the element class being defined, not this base.
    return Object.entries(this.properties).flatMap(([name, options]) => {
      // biome-ignore lint/complexity/noThisInStatic: as above.
      Object.defineProperty(this.prototype, name, {
        get(this: MamisElement) {
          return this.#values.get(name);
        },
        set(this: MamisElement, value: unknown) {
          this.#set(name, value);
        },
      });
      return attributeOf(name, options) ?? [];
    });
  }

  /** The shadow root, with the element's style sheets adopted; created when first connected. */
  declare renderRoot: ShadowRoot;
  #values = new Map<string, unknown>();
  #changes = new Map<string, unknown>();
  #controllers = new Set<ReactiveController>();
  /** Properties the page set before the element was defined, applied before the first render. */
  #early: [string, unknown][] | undefined = [];
  #pending = false;
  #connected!: () => void;
  #update = new Promise<boolean>((resolve) => {
    this.#connected = () => resolve(true);
  });

  constructor() {
    super();
    for (const name in (this.constructor as typeof MamisElement).properties) {
      if (Object.hasOwn(this, name)) {
        this.#early!.push([name, this[name as keyof this]]);
        delete this[name as keyof this];
      }
    }
    this.requestUpdate();
  }

  /** Resolves once the element has rendered every change made so far (false if more are queued). */
  get updateComplete(): Promise<boolean> {
    return this.#update;
  }

  addController(controller: ReactiveController): void {
    this.#controllers.add(controller);
    if (this.renderRoot && this.isConnected) controller.hostConnected?.();
  }

  connectedCallback(): void {
    if (!this.renderRoot) {
      this.renderRoot = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
      this.renderRoot.adoptedStyleSheets = [...(this.constructor as typeof MamisElement).styles];
    }
    // The first render waits for this: an element is drawn once it is in a document.
    this.#connected();
    for (const controller of this.#controllers) controller.hostConnected?.();
  }

  disconnectedCallback(): void {
    for (const controller of this.#controllers) controller.hostDisconnected?.();
  }

  attributeChangedCallback(attribute: string, _old: string | null, value: string | null): void {
    for (const [name, options] of Object.entries((this.constructor as typeof MamisElement).properties)) {
      if (attributeOf(name, options) === attribute) {
        (this as Record<string, unknown>)[name] = options.type === Boolean ? value !== null : value;
      }
    }
  }

  /** Renders again in a microtask; changes made meanwhile are rendered together. */
  requestUpdate(): void {
    if (this.#pending) return;
    this.#pending = true;
    const run = () => {
      this.#performUpdate();
      return !this.#pending;
    };
    // After a render that threw, the next one still runs (the error was reported where it arose).
    this.#update = this.#update.then(run, run);
  }

  /** Before each render, with what changed: derive state from properties here. */
  protected willUpdate(_changed: PropertyValues): void {}

  /** The element's content, rendered into its shadow root. */
  protected abstract render(): unknown;

  /** After each render, with what changed: focus and dialogs. */
  protected updated(_changed: PropertyValues): void {}

  #set(name: string, value: unknown): void {
    const old = this.#values.get(name);
    if (Object.is(value, old)) return;
    this.#values.set(name, value);
    // As in Lit, a property set before the first render reports no previous value.
    if (!this.#changes.has(name)) this.#changes.set(name, this.#early ? undefined : old);
    this.requestUpdate();
  }

  #performUpdate(): void {
    if (this.#early) {
      const early = this.#early;
      this.#early = undefined;
      for (const [name, value] of early) (this as Record<string, unknown>)[name] = value;
    }
    const changes = this.#changes;
    let content: unknown;
    try {
      this.willUpdate(changes);
      content = this.render();
      this.#reflect(changes);
    } finally {
      this.#changes = new Map();
      this.#pending = false;
    }
    render(content, this.renderRoot, { host: this });
    this.updated(changes);
  }

  /**
   * Sets or removes the attributes of reflected properties that changed. An attribute set by the
   * page keeps its own text (`open="open"`), and the callback it triggers changes nothing.
   */
  #reflect(changes: PropertyValues): void {
    const properties = (this.constructor as typeof MamisElement).properties;
    for (const name of changes.keys()) {
      const options = properties[name]!;
      if (options.reflect) this.toggleAttribute(attributeOf(name, options)!, !!(this as Record<string, unknown>)[name]);
    }
  }
}
