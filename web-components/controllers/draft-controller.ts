import type { ReactiveController } from 'lit';
import type { ApiClient } from '../api/api-client.js';
import type { Draft } from '../api/api-types.js';
import type { ControllerHost } from '../base/mamis-element.js';

interface DraftTarget {
  readonly api: ApiClient;
  readonly formId: string;
  readonly version: number;
}

interface PendingDraft {
  readonly stepId: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/**
 * Keeps a half-filled form on the server (`/api/me/drafts/:formId`), per member and form:
 * saves shortly after each change and when the page is hidden or closed, offers it back on the
 * next visit and deletes it once the application is sent. Nothing is kept in the browser, so
 * nothing personal stays behind after sign-out. Off when the form has no API.
 */
export class DraftController implements ReactiveController {
  readonly #delay: number;
  #target: DraftTarget | undefined;
  #pending: PendingDraft | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ControllerHost, delay = 800) {
    this.#delay = delay;
    host.addController(this);
  }

  get enabled(): boolean {
    return this.#target !== undefined;
  }

  /** Points the drafts at a form, or turns them off with `undefined`. */
  attach(target: DraftTarget | undefined): void {
    this.#cancelTimer();
    this.#pending = undefined;
    this.#target = target;
    target?.api.prepareWrites();
  }

  /** The saved draft, if any. A failure to read one is not the member's problem: no draft. */
  async load(): Promise<Draft | undefined> {
    const target = this.#target;
    if (!target) return undefined;
    try {
      return await target.api.draft(target.formId);
    } catch {
      return undefined;
    }
  }

  schedule(stepId: string, data: Readonly<Record<string, unknown>>): void {
    if (!this.#target) return;
    this.#pending = { stepId, data };
    this.#cancelTimer();
    this.#timer = setTimeout(() => void this.flush(), this.#delay);
  }

  async flush(keepalive = false): Promise<void> {
    this.#cancelTimer();
    const target = this.#target;
    const pending = this.#pending;
    this.#pending = undefined;
    if (!target || !pending) return;
    try {
      await target.api.saveDraft(target.formId, { version: target.version, ...pending }, keepalive);
    } catch {
      // Drafts are a convenience; the form goes on without them.
    }
  }

  async discard(): Promise<void> {
    this.#cancelTimer();
    this.#pending = undefined;
    const target = this.#target;
    if (!target) return;
    try {
      await target.api.deleteDraft(target.formId);
    } catch {
      // A draft left behind is offered again and can be discarded then.
    }
  }

  hostConnected(): void {
    window.addEventListener('pagehide', this.#onPageHide);
    document.addEventListener('visibilitychange', this.#onVisibilityChange);
  }

  hostDisconnected(): void {
    window.removeEventListener('pagehide', this.#onPageHide);
    document.removeEventListener('visibilitychange', this.#onVisibilityChange);
    void this.flush(true);
  }

  // A closed tab or a phone switching apps: send what is pending with keepalive so it lands.
  #onPageHide = () => void this.flush(true);

  #onVisibilityChange = () => {
    if (document.visibilityState === 'hidden') void this.flush(true);
  };

  #cancelTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
