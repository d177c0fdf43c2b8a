import { type LoadedForm, loadForms, projectFolders } from '../../../server/forms/index.js';

let loaded: Promise<ReadonlyMap<string, LoadedForm>> | undefined;

/** The project's own form definitions, compiled once per test file (mail templates not checked). */
export function projectForms(): Promise<ReadonlyMap<string, LoadedForm>> {
  loaded ??= loadForms({ ...projectFolders(), checkTemplates: false }).then(({ forms, issues }) => {
    if (issues.length > 0) throw new Error(`forms/ has problems: ${issues.map((issue) => issue.code).join(', ')}`);
    return forms;
  });
  return loaded;
}
