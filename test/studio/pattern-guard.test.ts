import { afterAll, describe, expect, it } from 'vitest';
import { definitionShapeIssue } from '../../server/studio/definition-limits.js';
import { PatternGuard } from '../../server/studio/pattern-guard.js';
import { collectPatterns, probeInputs } from '../../server/studio/pattern-probes.js';

describe('timing the patterns of an untrusted definition', () => {
  const guard = new PatternGuard({ budgetMs: 250, probeLength: 64 * 1024 });
  afterAll(() => guard.close());

  const located = (pattern: string) => ({ pattern, pointer: '/schema/properties/x/pattern' });

  it('passes linear patterns on 64 KiB probes', async () => {
    const safe = ['^[0-9]{3}-?[0-9]{4}$', '^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+$', '^\\p{L}+$', '^(ab|cd)+$'];
    expect(await guard.slowPatterns(safe.map(located))).toEqual([]);
  });

  it('stops overlapping alternatives that backtrack exponentially, in about its budget', async () => {
    const started = Date.now();
    const slow = await guard.slowPatterns([located('^(a|a)*$'), located('^(a|aa)*c$')]);
    expect(slow.map((found) => found.pattern)).toEqual(['^(a|a)*$', '^(a|aa)*c$']);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('stops polynomial backtracking that only long input shows', async () => {
    const slow = await guard.slowPatterns([located('^\\d*\\d*\\d*x$'), located('\\d+-\\d+')]);
    expect(slow.map((found) => found.pattern)).toEqual(['^\\d*\\d*\\d*x$', '\\d+-\\d+']);
  });

  it('keeps working after a worker was stopped, and remembers what it timed', async () => {
    expect(await guard.slowPatterns([located('^(x|x)*$')])).toHaveLength(1);
    expect(await guard.slowPatterns([located('^[a-z]+$')])).toEqual([]);
    const started = Date.now();
    expect(await guard.slowPatterns([located('^(x|x)*$')])).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(50);
  });

  it("stops a pattern on a preview's own data", async () => {
    const slow = await guard.slowOn([located('^(b|b)*$')], ['b'.repeat(40) + '!']);
    expect(slow?.pattern).toBe('^(b|b)*$');
    expect(await guard.slowOn([located('^[a-z]+$')], ['hello'])).toBeUndefined();
  });
});

describe('what the probes are made of', () => {
  it('finds every pattern of a data schema with its pointer, patternProperties keys included', () => {
    const schema = {
      properties: {
        phone: { type: 'string', pattern: '^[0-9-]+$' },
        pattern: { type: 'string' },
        tags: { type: 'object', patternProperties: { '^x-': { type: 'string' } } },
      },
    };
    expect(collectPatterns(schema)).toEqual([
      { pattern: '^[0-9-]+$', pointer: '/schema/properties/phone/pattern' },
      { pattern: '^x-', pointer: '/schema/properties/tags/patternProperties/^x-' },
    ]);
  });

  it('builds long runs of what the pattern matches, spoiled at the end', () => {
    const probes = probeInputs('^(a|aa)*c$', 1000);
    expect(probes).toContain(`${'aa'.repeat(500)}!`);
    expect(probes.every((probe) => probe.length >= 1000 && probe.length <= 1002)).toBe(true);
    expect(probeInputs('^\\d{3}$', 10)).toContain('0000000000!');
  });
});

describe('the shape limits of a definition', () => {
  it('refuses nesting deeper than any form, without overflowing the stack itself', () => {
    let deep: unknown = 1;
    for (let level = 0; level < 100_000; level++) deep = [deep];
    expect(definitionShapeIssue('f', 'studio:f', deep)?.code).toBe('definition-too-deep');
  });

  it('refuses too many values, and passes a real definition', () => {
    const wide = { values: Array.from({ length: 30_000 }, (_, index) => index) };
    expect(definitionShapeIssue('f', 'studio:f', wide)?.code).toBe('definition-too-large');
    expect(definitionShapeIssue('f', 'studio:f', { id: 'f', steps: [{ id: 's' }] })).toBeUndefined();
  });
});
