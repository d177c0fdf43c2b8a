import {
  deriveConfirmView,
  type GroupItem,
  type LayerAssociation,
  type Locale,
  type MailEvent,
  type OptionItem,
  type ResolvedSources,
  type RuntimeForm,
} from '../../engine/index.js';
import type { TargetStatus } from '../db/database.js';
import type { FormSubmissions } from '../generated/form-submissions.js';
import type { ApplicationMailInput } from './application-mail.js';
import { DECISION_EVENTS } from './mail-model-shape.js';

const association = (id: string, layer: 1 | 2 | 3, ja: string, en: string): LayerAssociation => ({
  id,
  layer,
  name: { ja, en },
});

const JMA = association('jma', 1, '日本医師会', 'Japan Medical Association');
const HOKKAIDO = association('hokkaido', 2, '北海道医師会', 'Hokkaido Medical Association');
const OTARU = association('otaru', 3, '小樽市医師会', 'Otaru City Medical Association');
const TOKYO = association('tokyo', 2, '東京都医師会', 'Tokyo Medical Association');
const SETAGAYA = association('setagaya', 3, '世田谷区医師会', 'Setagaya Medical Association');

/** The sources the sample member sees: the manual's group, and a chain to join in Tokyo. */
export const SAMPLE_SOURCES: ResolvedSources = {
  'member.groups': [
    {
      id: 'group-otaru',
      facility: { ja: '医療法人社団 青柳皮膚科医院', en: 'Aoyagi Dermatology Clinic' },
      associations: [OTARU, HOKKAIDO, JMA],
    },
  ] satisfies GroupItem[],
  'associations.prefectures': [
    { value: 'hokkaido', label: HOKKAIDO.name, parent: 'jma' },
    { value: 'tokyo', label: TOKYO.name, parent: 'jma' },
  ] satisfies OptionItem[],
  'associations.chains': [
    { id: 'chain-setagaya', associations: [SETAGAYA, TOKYO, JMA], parent: 'tokyo' },
    { id: 'chain-tokyo', associations: [TOKYO, JMA], parent: 'tokyo' },
  ] satisfies GroupItem[],
};

/**
 * What the sample member entered, per form; a form not listed here shows its fields as not
 * entered. Checked against the types generated from the definitions: when a form's schema
 * changes and `npm run forms -- types` runs, a sample that no longer fits fails the typecheck.
 */
const TYPED_SAMPLE_DATA = {
  withdrawal: {
    withdrawFrom: { groupId: 'group-otaru', associationIds: ['otaru', 'hokkaido', 'jma'] },
    withdrawalDate: '2026-12-31',
    reason: 'retirement',
  },
  enrollment: {
    facilityName: '世田谷みどりクリニック',
    facilityAddress: '東京都世田谷区三軒茶屋1-2-3',
    prefecture: 'tokyo',
    joinTo: { groupId: 'chain-setagaya', associationIds: ['setagaya', 'tokyo', 'jma'] },
    memberClass: 'A1',
    enrollmentDate: '2027-01-01',
    previousMembership: 'yes',
    previousAssociation: '小樽市医師会',
    message: '開業に伴い入会を希望します。よろしくお願いいたします。',
  },
  transfer: {
    leaveFrom: { groupId: 'group-otaru', associationIds: ['otaru', 'hokkaido'] },
    transferDate: '2027-01-01',
    reason: 'relocation',
    destinationPrefecture: 'tokyo',
    joinTo: { groupId: 'chain-setagaya', associationIds: ['setagaya', 'tokyo'] },
    newFacilityName: '世田谷みどりクリニック',
  },
} satisfies FormSubmissions;

export const SAMPLE_DATA: Readonly<Record<string, Readonly<Record<string, unknown>>>> = TYPED_SAMPLE_DATA;

const OFFICE_EMAILS: Readonly<Record<string, string>> = {
  jma: 'office@jma.example.jp',
  hokkaido: 'office@hokkaido.example.jp',
  otaru: 'office@otaru.example.jp',
  tokyo: 'office@tokyo.example.jp',
  setagaya: 'office@setagaya.example.jp',
};

export interface SampleMailInputOptions {
  readonly locale?: Locale;
  /** Overrides the sample data of the form, e.g. `{ reason: 'other', reasonOther: '…' }`. */
  readonly data?: Readonly<Record<string, unknown>>;
  readonly comment?: string | null;
}

/**
 * A realistic application for previews and tests: 日医 太郎 files the form (a withdrawal from
 * 小樽市医師会, 北海道医師会 and 日本医師会, as in the manual), run through the real engine so the
 * confirm view is what the member would have confirmed. For decision events the city
 * association (the first target) decides; a returned one comes with a comment.
 */
export function sampleMailInput(
  form: RuntimeForm,
  event: MailEvent,
  options: SampleMailInputOptions = {},
): ApplicationMailInput {
  const data = { ...(SAMPLE_DATA[form.id] ?? {}), ...(options.data ?? {}) };
  const confirmView = deriveConfirmView(form, data, SAMPLE_SOURCES);
  const chosen = confirmView.sections
    .flatMap((section) => section.rows)
    .flatMap((row) =>
      row.kind === 'targets' ? row.targets.map((target) => ({ target, role: row.role ?? 'leave' })) : [],
    );
  const decider = DECISION_EVENTS.includes(event) ? chosen[0]?.target.id : undefined;
  const comment =
    options.comment !== undefined
      ? options.comment
      : event === 'returned'
        ? '添付書類に不足があります。お手数ですが、事務局までお電話でご連絡ください。'
        : null;
  return {
    event,
    form,
    application: {
      id: 'app-20261125-0001',
      formId: form.id,
      formVersion: form.version,
      createdAt: new Date('2026-11-25T01:30:00Z'),
    },
    confirmView,
    member: {
      name: '日医 太郎',
      registrationNumber: '123456',
      email: 'taro.nichii@example.jp',
      locale: options.locale ?? 'ja',
    },
    targets: chosen.map(({ target, role }) => ({
      associationId: target.id,
      name: target.name.ja,
      nameEn: target.name.en,
      layer: target.layer,
      officeEmail: OFFICE_EMAILS[target.id] ?? `office-${target.id}@example.jp`,
      role,
      status: statusAfter(event, target.id === decider),
      comment: target.id === decider ? comment : null,
    })),
    ...(decider ? { decision: { associationId: decider, comment } } : {}),
  };
}

function statusAfter(event: MailEvent, decided: boolean): TargetStatus {
  switch (event) {
    case 'submitted':
    case 'edited':
      return 'submitted';
    case 'withdrawn':
      return 'withdrawn';
    case 'in-review':
      return decided ? 'in_review' : 'submitted';
    case 'approved':
      return decided ? 'approved' : 'in_review';
    case 'returned':
      return decided ? 'returned' : 'submitted';
    default: {
      const exhaustive: never = event;
      return exhaustive;
    }
  }
}
