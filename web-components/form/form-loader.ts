import {
  createRuntimeForm,
  type FormDefinition,
  instantiateValidator,
  type ResolvedSources,
  type RuntimeForm,
  type ValidatorFactory,
} from '../../engine/browser.js';
import type { ApiClient } from '../api/api-client.js';

/** A form ready to run in the browser: definition, precompiled validator, the member's sources. */
export interface LoadedForm {
  readonly runtime: RuntimeForm;
  readonly sources: ResolvedSources;
  readonly today: string;
}

export interface FormInput {
  readonly formId: string | undefined;
  readonly definition: FormDefinition | undefined;
  readonly validator: ValidatorFactory | undefined;
  readonly validatorUrl: string | undefined;
  readonly sources: ResolvedSources | undefined;
  readonly today: string;
  readonly api: ApiClient | undefined;
}

/**
 * Loads what the element was given: a definition as a property (with a validator or its URL),
 * or a form id fetched from the API with the member's sources and the server's today.
 */
export async function loadForm(input: FormInput): Promise<LoadedForm> {
  if (input.definition) {
    const factory = input.validator ?? (input.validatorUrl ? await importValidator(input.validatorUrl) : undefined);
    if (!factory) throw new Error('A form given as a definition needs a `validator` or a `validator-url`.');
    return {
      runtime: createRuntimeForm(input.definition, instantiateValidator(factory)),
      sources: input.sources ?? {},
      today: input.today,
    };
  }
  if (!input.formId || !input.api) throw new Error('Give the element a `form` id or a `definition`.');
  const response = await input.api.getForm(input.formId);
  const factory = await importValidator(input.api.resolve(response.validatorUrl));
  return {
    runtime: createRuntimeForm(response.form.definition, instantiateValidator(factory)),
    sources: input.sources ?? response.sources,
    today: response.today,
  };
}

/** A precompiled validator module, loaded as a module script: no `eval`, fine under a strict CSP. */
async function importValidator(url: string): Promise<ValidatorFactory> {
  const module = (await import(/* @vite-ignore */ new URL(url, document.baseURI).href)) as { default?: unknown };
  if (typeof module.default !== 'function') throw new Error(`${url} is not a precompiled validator module.`);
  return module.default as ValidatorFactory;
}
