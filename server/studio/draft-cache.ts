import { type CompiledForm, standaloneValidatorModule } from '../../engine/index.js';

interface Draft {
  readonly form: CompiledForm;
  module: string | undefined;
}

/**
 * The drafts that passed their check, compiled, by the hex of their hash, so the studio's
 * preview can load a draft's validator module. Bounded: the least recently used draft goes
 * first (a Map iterates in insertion order, and a hit is re-inserted at the end).
 */
export class DraftCache {
  readonly #capacity: number;
  readonly #drafts = new Map<string, Draft>();

  constructor(capacity = 32) {
    this.#capacity = capacity;
  }

  put(key: string, form: CompiledForm): void {
    this.#drafts.delete(key);
    this.#drafts.set(key, { form, module: undefined });
    while (this.#drafts.size > this.#capacity) this.#drafts.delete(this.#drafts.keys().next().value!);
  }

  get(key: string): CompiledForm | undefined {
    return this.#touch(key)?.form;
  }

  /** The draft's standalone validator module, generated on first request. */
  validatorModule(key: string): string | undefined {
    const draft = this.#touch(key);
    if (!draft) return undefined;
    draft.module ??= standaloneValidatorModule(draft.form);
    return draft.module;
  }

  #touch(key: string): Draft | undefined {
    const draft = this.#drafts.get(key);
    if (draft) {
      this.#drafts.delete(key);
      this.#drafts.set(key, draft);
    }
    return draft;
  }
}
