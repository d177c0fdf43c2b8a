import type { JsonScalar } from '../definition/form-definition.js';
import type { RuntimeForm } from '../runtime/runtime-form.js';
import type { SlotCondition } from '../runtime/visibility.js';

/**
 * The body of a form's validation, written out for that form the way Ajv writes out a schema:
 * each field's value is a local variable rather than a slot, and every property is read and
 * written under its own name. What the plain pipeline (`validateSubmission`) decides per field
 * at run time, from the field's plan, is decided here once. Each step does what the plain
 * pipeline does, in its order, and the errors go through the same report functions, so the
 * result is the same: the property tests hold the two to it.
 *
 * A property read or added under a name known only at run time (`value[field.name]`) costs V8
 * a generic lookup each time; under a literal name it is one compare and one load or store.
 *
 * The code runs inside `new Function('runtime', source)`: `runtime` supplies the form, its
 * schema validator and the rule functions (see `compileValidation`). Names and values from
 * the definition appear only as JSON literals.
 */
export function validationSource(form: RuntimeForm): string {
  const fields = form.fields;
  const slot = (index: number) => `s${index}`;
  const lines: string[] = [];
  const line = (text: string) => lines.push(text);

  line('"use strict";');
  line('const { form, selection, report, rules, result } = runtime;');
  line('const validateSchema = form.validateSchema;');
  for (const field of fields) line(`const f${field.index} = form.fields[${field.index}];`);
  for (const field of fields) line(`const n${field.index} = f${field.index}.normalise;`);
  line('return function validateSubmission(input, context, options) {');
  line(
    '  if (typeof input !== "object" || input === null || Array.isArray(input)) return result.notAnObject(context);',
  );

  // Normalise: one pass over the input's own keys, in its order, as `normaliseDraft` does.
  if (fields.length > 0) line(`  let ${fields.map((field) => slot(field.index)).join(', ')};`);
  line('  let unknownKeys;');
  line('  for (const key in input) {');
  // Spelt out: V8 answers it from for…in's own bookkeeping (see `normaliseDraft`).
  line('    if (!Object.prototype.hasOwnProperty.call(input, key)) continue;');
  line('    switch (key) {');
  for (const field of fields) {
    line(`      case ${literal(field.name)}: ${slot(field.index)} = n${field.index}(input[key]); break;`);
  }
  line('      default: (unknownKeys ??= []).push(key);');
  line('    }');
  line('  }');

  // Hidden fields are emptied, as `emptyHiddenSlots` does: repeated until nothing changes when
  // a condition names a field that has a condition itself, once otherwise.
  const conditional = form.conditionalFields;
  if (conditional.length > 0) {
    const chained = conditional.some((field) =>
      field.condition!.some((term) => term.index >= 0 && fields[term.index]!.condition !== undefined),
    );
    const indent = chained ? '    ' : '  ';
    if (chained) line('  for (let changed = true; changed; ) {\n    changed = false;');
    for (const field of conditional) {
      const test = `${slot(field.index)} !== undefined && !(${conditionSource(field.condition!)})`;
      line(`${indent}if (${test}) { ${slot(field.index)} = undefined;${chained ? ' changed = true;' : ''} }`);
    }
    if (chained) line('  }');
  }

  // Selections: the cascade and the one-group rule, in the form's order (`settleSelections`).
  line('  const sources = context.sources;');
  for (const field of form.selectionFields) {
    const value = slot(field.index);
    const parent = field.parentIndex < 0 ? 'undefined' : slot(field.parentIndex);
    const source = field.ui.source!;
    line(`  let violation${field.index};`);
    line(`  if (selection.isAssociationSelection(${value})) {`);
    const groups =
      source.dependsOn === undefined
        ? `sources[${literal(source.name)}] ?? []`
        : `selection.sourceItemsUnder(f${field.index}.ui, sources, ${parent})`;
    line(`    const groups = ${groups};`);
    if (field.cascade !== 'none') {
      line(`    const group = selection.firstGroupWithId(groups, ${value}.groupId);`);
      line(
        `    if (group !== undefined) ${value} = { groupId: ${value}.groupId, associationIds: selection.applyCascade(${value}.associationIds, group, ${literal(field.cascade)}) };`,
      );
    }
    line(`    violation${field.index} = selection.checkSelection(${value}, groups);`);
    line('  }');
  }

  // The value: the fields that have one, in the form's order, each added once.
  line('  const value = {};');
  for (const field of fields) {
    line(`  if (${slot(field.index)} !== undefined) value[${literal(field.name)}] = ${slot(field.index)};`);
  }

  // The errors, in the order of `validateSubmission`.
  line('  const locale = context.locale;');
  line('  let found;');
  line('  if (unknownKeys !== undefined) found = report.reportUnknownKeys(found, unknownKeys, locale);');
  for (const field of form.selectionFields) {
    const violation = `violation${field.index}`;
    line(
      `  if (${violation} !== undefined) found = report.reportError(found, report.fieldError(f${field.index}, ${violation}, locale), ${literal(field.name)});`,
    );
  }
  line(
    '  if (!validateSchema(value)) found = report.reportSchemaErrors(found, form, validateSchema.errors, value, locale);',
  );
  for (const field of form.ruleFields) {
    const value = slot(field.index);
    const parent = field.parentIndex < 0 ? 'undefined' : slot(field.parentIndex);
    line(`  if (${value} !== undefined && !report.hasFailed(found, ${literal(field.name)})) {`);
    line(`    const error = rules.checkRules(f${field.index}, ${value}, ${parent}, context);`);
    line(`    if (error !== undefined) found = report.reportError(found, error, ${literal(field.name)});`);
    line('  }');
  }
  line('  if (found === undefined) return { ok: true, value, errors: [] };');
  line('  return result.validationResult(form, value, found, options);');
  line('};');
  return lines.join('\n');
}

/** `slotConditionHolds`, written out: a field that is no field reads as empty. */
function conditionSource(condition: SlotCondition): string {
  if (condition.length === 0) return 'true';
  return condition
    .map(({ index, expected }) => {
      const actual = index < 0 ? 'undefined' : `s${index}`;
      if (!Array.isArray(expected)) return equalitySource(actual, expected as JsonScalar, 'strict');
      if (expected.length === 0) return 'false';
      return `(${expected.map((item: JsonScalar) => equalitySource(actual, item, 'includes')).join(' || ')})`;
    })
    .join(' && ');
}

/**
 * `actual === expected` (a single value) or `[expected].includes(actual)` (one of a list),
 * which differ on NaN alone. JSON writes no NaN or Infinity, but a definition built in code may.
 */
function equalitySource(actual: string, expected: JsonScalar, comparison: 'strict' | 'includes'): string {
  if (typeof expected === 'number' && Number.isNaN(expected)) {
    return comparison === 'strict' ? 'false' : `(${actual} !== ${actual})`;
  }
  return `${actual} === ${literal(expected)}`;
}

/** A value as JavaScript source: JSON, but for the numbers JSON cannot write. */
function literal(value: JsonScalar): string {
  return typeof value === 'number' && !Number.isFinite(value) ? `(${String(value)})` : JSON.stringify(value);
}
