import {
  type ConfirmRow,
  type ConfirmTarget,
  type Locale,
  type Localized,
  layerLabel,
  type RuntimeForm,
} from '../../engine/index.js';
import type { ApplicationMailInput } from './application-mail.js';
import { formatSlashDate, japanDay } from './calendar-day.js';
import type {
  MailConfirmTarget,
  MailContact,
  MailDecision,
  MailField,
  MailRow,
  MailTarget,
  MailViewModel,
} from './mail-view-model.js';
import { LIST_SEPARATOR, labelOf, ROLE_LABELS, STATUS_LABELS } from './record-labels.js';

type InputTarget = ApplicationMailInput['targets'][number];

/** Who a mail goes to: the member, or the office of one target association. */
export type MailRecipient =
  | { readonly kind: 'member' }
  /** The office of this target association. */
  | { readonly kind: 'office'; readonly associationId: string };

export interface MailViewModelOptions {
  /** The portal members and offices sign in to; shown in the footer when given. */
  readonly portalUrl?: string | undefined;
}

/** The locale a recipient reads: the member's own; offices read Japanese. */
export function recipientLocale(input: ApplicationMailInput, recipient: MailRecipient): Locale {
  return recipient.kind === 'member' ? input.member.locale : 'ja';
}

/**
 * The view model of one mail: the confirm view the member confirmed and the application record,
 * localized to the recipient. Nothing else goes in, so a mail can only say what the screen said.
 */
export function buildMailViewModel(
  input: ApplicationMailInput,
  recipient: MailRecipient,
  options: MailViewModelOptions = {},
): MailViewModel {
  const locale = recipientLocale(input, recipient);
  const text = (value: Localized): string => value[locale];
  const targets = orderTargets(input.targets).map((target) => mailTarget(target, locale));
  const decided = input.decision
    ? targets.find((target) => target.associationId === input.decision?.associationId)
    : undefined;
  const rows = input.confirmView.sections.flatMap((section) => section.rows);
  return {
    locale,
    event: input.event,
    recipient: recipient.kind,
    toOffice: recipient.kind === 'office',
    portal: { name: 'MAMIS', url: options.portalUrl ?? null },
    member: {
      name: input.member.name,
      registrationNumber: input.member.registrationNumber,
      email: input.member.email,
    },
    application: {
      id: input.application.id,
      formId: input.application.formId,
      formVersion: input.application.formVersion,
      formTitle: text(input.confirmView.title),
      createdAt: formatSlashDate(japanDay(input.application.createdAt)),
      complete: targets.length > 0 && targets.every((target) => target.status === 'approved'),
    },
    confirm: {
      title: text(input.confirmView.title),
      sections: input.confirmView.sections.map((section) => ({
        title: text(section.title),
        rows: section.rows.map((row) => mailRow(row, locale)),
      })),
    },
    fields: mailFields(input.form, rows, locale),
    targets,
    contacts: recipient.kind === 'office' ? [] : contactsOf(decided ? [decided] : targets),
    decision: input.decision && decided ? mailDecision(decided, input.decision.comment) : null,
    office: recipient.kind === 'office' ? officeOf(targets, recipient.associationId) : null,
  };
}

/**
 * One confirm row as templates read it, every property written out: after a spread, V8 (Node 20)
 * adds the remaining properties one by one in its runtime, about 5 µs a row, and rows are built
 * twice for every mail of every submission.
 */
function mailRow(row: ConfirmRow, locale: Locale): MailRow {
  switch (row.kind) {
    case 'value':
      return {
        field: row.field,
        label: row.label[locale],
        value: row.value[locale],
        empty: row.empty,
        isValue: true,
        isList: false,
        isTargets: false,
        values: [],
        facility: null,
        targets: [],
      };
    case 'list': {
      const values = row.values.map((value) => value[locale]);
      return {
        field: row.field,
        label: row.label[locale],
        value: values.join(LIST_SEPARATOR[locale]),
        empty: values.length === 0,
        isValue: false,
        isList: true,
        isTargets: false,
        values,
        facility: null,
        targets: [],
      };
    }
    case 'targets': {
      const targets = row.targets.map((target) => confirmTarget(target, locale));
      return {
        field: row.field,
        label: row.label[locale],
        value: targets.map((target) => target.name).join(LIST_SEPARATOR[locale]),
        empty: targets.length === 0,
        isValue: false,
        isList: false,
        isTargets: true,
        values: [],
        facility: row.facility?.[locale] ?? null,
        targets,
      };
    }
    default: {
      const exhaustive: never = row;
      return exhaustive;
    }
  }
}

/**
 * One entry per field of a fields step, keyed by name. A field the confirm view left out (hidden
 * by its condition) is still there with `shown: false`, so `{{#if fields.reasonOther.shown}}` works.
 */
function mailFields(form: RuntimeForm, rows: readonly ConfirmRow[], locale: Locale): Record<string, MailField> {
  const fields: Record<string, MailField> = {};
  for (const name of fieldStepFields(form)) {
    const plan = form.fieldByName.get(name);
    if (!plan) continue;
    const row = rows.find((candidate) => candidate.field === name);
    const shown = row ? mailRow(row, locale) : undefined;
    const label = shown?.label ?? (plan.ui.confirmLabel ?? plan.ui.label)[locale];
    const value = shown?.value ?? '';
    const empty = shown?.empty ?? true;
    const isShown = shown !== undefined;
    // Written out rather than spread from a common part, for the reason mailRow gives.
    if (plan.widget === 'checkboxes') {
      fields[name] = { label, value, shown: isShown, empty, values: shown?.values ?? [] };
    } else if (plan.widget === 'association-layers') {
      fields[name] = {
        label,
        value,
        shown: isShown,
        empty,
        facility: shown?.facility ?? null,
        targets: shown?.targets ?? [],
      };
    } else fields[name] = { label, value, shown: isShown, empty };
  }
  return fields;
}

/** The fields the confirm view can show, in step order: those a fields step asks. */
export function fieldStepFields(form: RuntimeForm): string[] {
  return form.steps.flatMap((step) => (step.type === 'fields' ? step.fields : []));
}

function confirmTarget(target: ConfirmTarget, locale: Locale): MailConfirmTarget {
  return { name: target.name[locale], layer: target.layer, layerLabel: layerLabel(target.layer)[locale] };
}

/** Leaving before joining, and within each from the city (3層) up to the national layer (1層), as the manual lists them. */
function orderTargets(targets: ApplicationMailInput['targets']): InputTarget[] {
  const roleOrder = (target: InputTarget) => (target.role === 'leave' ? 0 : 1);
  return [...targets].sort((a, b) => roleOrder(a) - roleOrder(b) || b.layer - a.layer);
}

function mailTarget(target: InputTarget, locale: Locale): MailTarget {
  return {
    associationId: target.associationId,
    name: locale === 'ja' ? target.name : target.nameEn,
    layer: target.layer,
    layerLabel: layerLabel(target.layer)[locale],
    officeEmail: target.officeEmail,
    role: target.role,
    roleLabel: labelOf(ROLE_LABELS, target.role, locale),
    status: target.status,
    statusLabel: labelOf(STATUS_LABELS, target.status, locale),
    comment: target.comment,
  };
}

/** One contact per office address; two associations sharing an office are listed once. */
function contactsOf(targets: readonly MailTarget[]): MailContact[] {
  const seen = new Set<string>();
  const contacts: MailContact[] = [];
  for (const target of targets) {
    if (seen.has(target.officeEmail)) continue;
    seen.add(target.officeEmail);
    contacts.push({
      associationId: target.associationId,
      name: target.name,
      layerLabel: target.layerLabel,
      email: target.officeEmail,
    });
  }
  return contacts;
}

function officeOf(targets: readonly MailTarget[], associationId: string): MailContact {
  const target = targets.find((candidate) => candidate.associationId === associationId);
  if (!target)
    throw new RangeError(`No target ${associationId} in this application: mail only goes to its targets' offices.`);
  return { associationId, name: target.name, layerLabel: target.layerLabel, email: target.officeEmail };
}

function mailDecision(target: MailTarget, comment: string | null): MailDecision {
  return {
    associationId: target.associationId,
    association: target.name,
    layerLabel: target.layerLabel,
    officeEmail: target.officeEmail,
    roleLabel: target.roleLabel,
    statusLabel: target.statusLabel,
    comment: comment === null || comment.trim() === '' ? null : comment,
  };
}
