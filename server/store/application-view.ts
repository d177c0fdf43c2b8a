import type { ConfirmView, Localized } from '../../engine/index.js';
import type { ApplicationStatus, TargetRole, TargetStatus } from '../db/database.js';
import { TARGET_STATUS_LABELS } from './status-labels.js';

/** One association's part of an application, as the 申請ステータス panel shows it. */
export interface TargetView {
  readonly associationId: string;
  readonly name: Localized;
  readonly layer: number;
  readonly role: TargetRole;
  readonly status: TargetStatus;
  readonly statusLabel: Localized;
  readonly comment: string | null;
}

/** An application as the API returns it to its member. */
export interface ApplicationView {
  readonly id: string;
  readonly formId: string;
  readonly formVersion: number;
  readonly formTitle: Localized;
  readonly status: ApplicationStatus;
  /** 修正 and 削除 are possible: open, and no association has started or finished its review. */
  readonly editable: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly facility: Localized | null;
  readonly confirmView: ConfirmView;
  readonly targets: readonly TargetView[];
  /** The normalised data, so 修正 starts from what was filed. */
  readonly data: Readonly<Record<string, unknown>>;
}

/** An application as an office sees it: who filed it, and this office's own target. */
export interface OfficeApplicationView extends ApplicationView {
  readonly member: { readonly name: string; readonly registrationNumber: string };
  readonly target: TargetView;
}

/**
 * One row of an office's list: who filed which form about which facility, and the office's own
 * target. The whole application (its data and confirm view) is one request away.
 */
export interface OfficeApplicationSummary {
  readonly id: string;
  readonly formId: string;
  readonly formVersion: number;
  readonly formTitle: Localized;
  readonly status: ApplicationStatus;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly facility: Localized | null;
  readonly member: { readonly name: string; readonly registrationNumber: string };
  readonly target: TargetView;
}

export interface ApplicationRecord {
  readonly id: string;
  readonly form_id: string;
  readonly form_version: number;
  readonly member_id: string;
  readonly data: unknown;
  readonly confirm_view: unknown;
  readonly facility: Localized | null;
  readonly status: ApplicationStatus;
  readonly created_at: Date;
  readonly updated_at: Date;
}

export interface TargetRecord {
  readonly application_id: string;
  readonly association_id: string;
  readonly role: TargetRole;
  readonly status: TargetStatus;
  readonly comment: string | null;
  readonly name: string;
  readonly name_en: string;
  readonly layer: number;
}

/** Open, and every target still waits for (or was returned by) its association. */
export function isEditable(status: ApplicationStatus, targets: readonly { status: TargetStatus }[]): boolean {
  return status === 'open' && targets.every((target) => target.status === 'submitted' || target.status === 'returned');
}

export function toTargetView(target: TargetRecord): TargetView {
  return {
    associationId: target.association_id,
    name: { ja: target.name, en: target.name_en },
    layer: target.layer,
    role: target.role,
    status: target.status,
    statusLabel: TARGET_STATUS_LABELS[target.status],
    comment: target.comment,
  };
}

/**
 * The view of one application. Targets read like the manual's list: what is left before what
 * is joined, each from the lowest layer (3層) up.
 */
export function toApplicationView(application: ApplicationRecord, targets: readonly TargetRecord[]): ApplicationView {
  const confirmView = application.confirm_view as ConfirmView;
  const data = (application.data ?? {}) as Record<string, unknown>;
  const sorted = [...targets].sort(
    (a, b) => (a.role === b.role ? 0 : a.role === 'leave' ? -1 : 1) || b.layer - a.layer,
  );
  return {
    id: application.id,
    formId: application.form_id,
    formVersion: application.form_version,
    formTitle: confirmView.title,
    status: application.status,
    editable: isEditable(application.status, targets),
    createdAt: application.created_at.toISOString(),
    updatedAt: application.updated_at.toISOString(),
    facility: application.facility,
    confirmView,
    targets: sorted.map(toTargetView),
    data,
  };
}
