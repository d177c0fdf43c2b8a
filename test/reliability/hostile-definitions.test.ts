import { describe, expect, it } from 'vitest';
import { checkDefinition, type DefinitionIssue } from '../../engine/index.js';
import { readDefinition } from '../support/project-forms.js';

/**
 * The holes found next to the checks of `test/engine/check/check-definition.test.ts` (which
 * covers catastrophic patterns, recursive $ref and 10,000 fields): a definition file is read
 * at start without the studio's limits in front, so the check itself must stay within bounds.
 */
// biome-ignore lint/suspicious/noExplicitAny: a test edits definitions freely, as staff do by hand.
type Loose = any;

const TEMPLATES = new Set([
  'withdrawal/member-submitted',
  'withdrawal/member-approved',
  'common/office-submitted',
  'common/office-edited',
  'common/office-withdrawn',
  'common/member-withdrawn',
  'common/member-in-review',
  'common/member-returned',
]);

function check(edit: (definition: Loose) => void): { issues: readonly DefinitionIssue[]; ms: number } {
  const definition = readDefinition('withdrawal') as Loose;
  edit(definition);
  const started = performance.now();
  const result = checkDefinition({
    definition,
    file: 'forms/withdrawal/form.json',
    expectedId: 'withdrawal',
    templates: TEMPLATES,
  });
  return { issues: result.issues, ms: performance.now() - started };
}

describe('hostile form definitions read from files', () => {
  it('refuses a catastrophic pattern used as a patternProperties key', () => {
    const { issues } = check((d) => {
      d.schema.properties.withdrawFrom.patternProperties = { '^(a+)+$': { type: 'string' } };
    });
    expect(issues.map((issue) => [issue.code, issue.pointer])).toContainEqual([
      'pattern-unsafe',
      '/schema/properties/withdrawFrom/patternProperties/^(a+)+$',
    ]);
  });

  it('refuses a schema nested thousands deep with an issue, not a stack overflow', () => {
    const { issues, ms } = check((d) => {
      let deep: Loose = { type: 'string' };
      for (let level = 0; level < 3000; level++) deep = { type: 'object', properties: { a: deep } };
      d.schema.$defs = { deep };
    });
    expect(issues.map((issue) => issue.code)).toContain('schema-too-deep');
    expect(ms).toBeLessThan(20_000);
  });

  it('reports an enum of 200,000 values without running out of call arguments', () => {
    const { issues, ms } = check((d) => {
      d.schema.properties.reason.enum = Array.from({ length: 200_000 }, (_, index) => `v${index}`);
    });
    expect(issues.length).toBeGreaterThan(0);
    expect(ms).toBeLessThan(20_000);
  });
});
