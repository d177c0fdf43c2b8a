import type { Server } from 'node:http';

/**
 * Whether the server is answering requests, or was a moment ago. Background work in the same
 * process (the mail worker) asks, and gives way while it is: a page should not wait for mail.
 */
export class RequestActivity {
  #inFlight = 0;
  #lastEnded = Number.NEGATIVE_INFINITY;
  readonly #quietMs: number;

  /** `quietMs`: how long after the last response the server still counts as busy. */
  constructor(quietMs = 100) {
    this.#quietMs = quietMs;
  }

  /** Counts the requests of an HTTP server from their arrival until their response is done or dropped. */
  watch(server: Server): void {
    server.on('request', (_request, response) => {
      this.#inFlight++;
      response.once('close', this.#ended);
    });
  }

  readonly #ended = () => {
    this.#inFlight--;
    this.#lastEnded = performance.now();
  };

  busy(): boolean {
    return this.#inFlight > 0 || performance.now() - this.#lastEnded < this.#quietMs;
  }
}
