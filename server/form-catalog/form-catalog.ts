import type { Kysely } from 'kysely';
import { type CompiledForm, compileForm } from '../../engine/index.js';
import type { Database } from '../db/database.js';
import type { LoadedForm } from '../forms/index.js';
import { validatorModuleOf } from './validator-module.js';

/** One published version of a form, compiled. */
export interface CatalogEntry {
  readonly form: CompiledForm;
  readonly hash: string;
}

/**
 * The compiled forms, keyed `id@version`. The current version of a form is the highest one in
 * `form_versions`; the versions this server loaded from `forms/` are ready at once, older (or,
 * during a rolling deploy, newer) ones are compiled from their stored definition on first use,
 * once. Uses its own queries: never call it inside a transaction (PGlite has one connection).
 */
export class FormCatalog {
  readonly #db: Kysely<Database>;
  readonly #entries = new Map<string, Promise<CatalogEntry | undefined>>();
  readonly #validators = new Map<string, Promise<string | undefined>>();

  constructor(db: Kysely<Database>, loaded: ReadonlyMap<string, LoadedForm>) {
    this.#db = db;
    for (const { form, hash } of loaded.values()) {
      this.#entries.set(keyOf(form.id, form.version), Promise.resolve({ form, hash }));
    }
  }

  /** The current version number of every published form. */
  async currentVersions(): Promise<Map<string, number>> {
    const rows = await this.#db
      .selectFrom('form_versions')
      .select(['form_id', (eb) => eb.fn.max('version').as('version')])
      .groupBy('form_id')
      .orderBy('form_id')
      .execute();
    return new Map(rows.map((row) => [row.form_id, Number(row.version)]));
  }

  /** The current version of a form, or undefined when no version is published. */
  async current(formId: string): Promise<CatalogEntry | undefined> {
    const row = await this.#db
      .selectFrom('form_versions')
      .select((eb) => eb.fn.max('version').as('version'))
      .where('form_id', '=', formId)
      .executeTakeFirst();
    if (row?.version === null || row?.version === undefined) return undefined;
    return this.version(formId, Number(row.version));
  }

  /** A published version of a form, compiled once; undefined when it was never published. */
  version(formId: string, version: number): Promise<CatalogEntry | undefined> {
    const key = keyOf(formId, version);
    let entry = this.#entries.get(key);
    if (!entry) {
      entry = this.#compileStored(formId, version);
      this.#entries.set(key, entry);
      // A version missing today may be published tomorrow: only keep what was found.
      entry.then(
        (found) => found === undefined && this.#entries.delete(key),
        () => this.#entries.delete(key),
      );
    }
    return entry;
  }

  /**
   * Makes a version this server has just stored in `form_versions` ready at once, compiled as
   * it was checked (the studio's publish). Other servers compile it from the table on first use.
   */
  adopt(form: CompiledForm, hash: string): void {
    this.#entries.set(keyOf(form.id, form.version), Promise.resolve({ form, hash }));
  }

  /** The standalone validator module of a published version, generated once. */
  validatorModule(formId: string, version: number): Promise<string | undefined> {
    const key = keyOf(formId, version);
    let module = this.#validators.get(key);
    if (!module) {
      module = this.version(formId, version).then((entry) => entry && validatorModuleOf(entry.form));
      this.#validators.set(key, module);
      module.then(
        (found) => found === undefined && this.#validators.delete(key),
        () => this.#validators.delete(key),
      );
    }
    return module;
  }

  async #compileStored(formId: string, version: number): Promise<CatalogEntry | undefined> {
    const row = await this.#db
      .selectFrom('form_versions')
      .select(['definition', 'hash'])
      .where('form_id', '=', formId)
      .where('version', '=', version)
      .executeTakeFirst();
    if (!row) return undefined;
    const form = compileForm({
      definition: row.definition,
      file: `form_versions ${keyOf(formId, version)}`,
      expectedId: formId,
    });
    return { form, hash: row.hash };
  }
}

function keyOf(formId: string, version: number): string {
  return `${formId}@${version}`;
}
