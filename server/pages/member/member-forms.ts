import type { FormCatalog } from '../../form-catalog/form-catalog.js';

export interface FormLink {
  readonly id: string;
  readonly title: string;
  readonly href: string;
}

/** The manual's order under 各種申請; forms staff add later follow, by id. */
const MANUAL_ORDER = ['enrollment', 'transfer', 'withdrawal'];

/** Every published form a member can file, as links to its page (入会届, 異動届, 退会届, …). */
export async function memberForms(catalog: FormCatalog): Promise<FormLink[]> {
  const links: FormLink[] = [];
  for (const [id, version] of await catalog.currentVersions()) {
    const entry = await catalog.version(id, version);
    if (entry) links.push({ id, title: entry.form.definition.title.ja, href: `/forms/${encodeURIComponent(id)}` });
  }
  const rank = (id: string) => {
    const index = MANUAL_ORDER.indexOf(id);
    return index === -1 ? MANUAL_ORDER.length : index;
  };
  return links.sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));
}
