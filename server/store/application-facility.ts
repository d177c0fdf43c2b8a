import type { ConfirmView, Localized, RuntimeForm } from '../../engine/index.js';

/**
 * The facility an application is about (所属施設名): the chosen group's, as its confirm view
 * shows it, else the text of the field the form's `workflow.facility` names (an enrollment's new
 * facility); null when it has neither. Computed when the application is written and kept.
 */
export function applicationFacility(
  form: RuntimeForm,
  confirmView: ConfirmView,
  data: Readonly<Record<string, unknown>>,
): Localized | null {
  for (const section of confirmView.sections) {
    for (const row of section.rows) {
      if (row.kind === 'targets' && row.facility) return row.facility;
    }
  }
  const field = form.definition.workflow?.facility;
  const typed = field === undefined ? undefined : data[field];
  return typeof typed === 'string' && typed !== '' ? { ja: typed, en: typed } : null;
}
