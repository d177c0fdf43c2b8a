import {
  type CompiledForm,
  type ConfirmRow,
  deriveConfirmView,
  type Locale,
  type ResolvedSources,
  validateSubmission,
} from '../../engine/index.js';
import { SAMPLE_SOURCES } from './sample-sources.js';

/** A preview input: plain submission data, or `{ data, sources?, today? }`. */
interface PreviewInput {
  readonly data: unknown;
  readonly sources?: ResolvedSources;
  readonly today?: string;
}

export interface PreviewOptions {
  readonly locale: Locale;
  readonly today?: string | undefined;
}

/** Validates data against a form and renders its confirm view (or its errors) as terminal text. */
export function previewSubmission(
  form: CompiledForm,
  input: unknown,
  options: PreviewOptions,
): { text: string; ok: boolean } {
  const wrapped = isWrapped(input) ? input : { data: input };
  const today = options.today ?? wrapped.today ?? new Date().toISOString().slice(0, 10);
  const sources = wrapped.sources ?? SAMPLE_SOURCES;
  const { locale } = options;
  const result = validateSubmission(form, wrapped.data, { today, locale, sources });
  const lines = [`${form.definition.title[locale]} (${form.id}@${form.version}, today ${today})`];
  if (!result.ok) {
    lines.push(locale === 'ja' ? '入力内容に誤りがあります:' : 'The data has errors:');
    for (const error of result.errors) lines.push(`  ${error.pointer || '/'}: ${error.message}`);
    return { text: lines.join('\n'), ok: false };
  }
  const view = deriveConfirmView(form, result.value, sources);
  for (const section of view.sections) {
    lines.push(`■ ${section.title[locale]}`);
    for (const row of section.rows) lines.push(...rowLines(row, locale));
  }
  return { text: lines.join('\n'), ok: true };
}

function rowLines(row: ConfirmRow, locale: Locale): string[] {
  const label = `  ${row.label[locale]}: `;
  const indent = ' '.repeat(4);
  switch (row.kind) {
    case 'value':
      return [`${label}${row.value[locale]}`];
    case 'list':
      return [label, ...row.values.map((value) => `${indent}・${value[locale]}`)];
    case 'targets': {
      const facility = row.facility
        ? [`${indent}${locale === 'ja' ? '所属施設名：' : 'Facility: '}${row.facility[locale]}`]
        : [];
      const targets = row.targets.map((target) =>
        locale === 'ja'
          ? `${indent}[${target.layer}層] ${target.name.ja}`
          : `${indent}[Layer ${target.layer}] ${target.name.en}`,
      );
      return [label, ...facility, ...targets];
    }
    default: {
      const exhaustive: never = row;
      return exhaustive;
    }
  }
}

function isWrapped(input: unknown): input is PreviewInput {
  return (
    typeof input === 'object' && input !== null && 'data' in input && typeof (input as PreviewInput).data === 'object'
  );
}
