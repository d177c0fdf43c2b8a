import { normaliseSubmission, validateSubmission } from '../../engine/index.js';
import { compileProjectForm, readExample, SAMPLE_SOURCES } from '../support/project-forms.js';
import { type BenchOptions, compareRates, formatRate, type Row } from './measure.js';

/**
 * Target 2: the engine's whole validation of a withdrawal (normalisation, visibility, cascade,
 * Ajv, the project's rules, error mapping) against raw Ajv on the same schema and data.
 */
export function validationBench(options: BenchOptions): Row[] {
  const seconds = options.quick ? 0.3 : 4;
  const form = compileProjectForm('withdrawal');
  const example = readExample('withdrawal');
  const context = { today: example.today, locale: 'ja' as const, sources: SAMPLE_SOURCES };
  const invalid = { ...example.data, withdrawalDate: '2024/02/30', reason: 'other', reasonOther: 'あ'.repeat(51) };
  const rows: Row[] = [];
  for (const [name, input] of [
    ['valid', example.data],
    ['invalid', invalid],
  ] as const) {
    // Raw Ajv gets the data already normalised, as it would have to be stored.
    const normalised = normaliseSubmission(form, input, context).value;
    const rates = compareRates(
      () => validateSubmission(form, input, context),
      () => form.validateSchema(normalised),
      seconds,
    );
    const ratio = rates.ours / rates.peer;
    rows.push({
      target: `validation, withdrawal, ${name} data`,
      figure: formatRate(rates.ours),
      peer: `raw Ajv ${formatRate(rates.peer)}`,
      ratio: `${ratio.toFixed(2)}×`,
      goal: '≥ 0.5×',
      met: ratio >= 0.5,
    });
  }
  return rows;
}
