import type { ReactiveController } from 'lit';
import type { ApiClient } from '../api/api-client.js';
import type { ControllerHost } from '../base/mamis-element.js';

/** Data an element reads from the API: loading, loaded, or failed; stale answers are ignored. */
export class RemoteDataController<T> implements ReactiveController {
  readonly #host: ControllerHost;
  readonly #fetch: (api: ApiClient) => Promise<T>;
  #run = 0;
  value: T | undefined;
  failed = false;

  constructor(host: ControllerHost, fetch: (api: ApiClient) => Promise<T>) {
    this.#host = host;
    this.#fetch = fetch;
    host.addController(this);
  }

  hostConnected(): void {}

  async load(api: ApiClient): Promise<void> {
    const run = ++this.#run;
    this.failed = false;
    this.#host.requestUpdate();
    try {
      const value = await this.#fetch(api);
      if (run !== this.#run) return;
      this.value = value;
    } catch (error) {
      if (run !== this.#run) return;
      console.error(error);
      this.failed = true;
    }
    this.#host.requestUpdate();
  }
}
