import { describe, expect, it } from 'vitest';
import { FORM_DEFINITION_META_SCHEMA, MAIL_EVENTS, SOURCE_CATALOG, WIDGETS } from '../../../engine/index.js';

// The meta-schema is what editors complete from; the TypeScript types are what the engine
// reads. These lists must be the same in both.
const defs = FORM_DEFINITION_META_SCHEMA.$defs as unknown as Record<
  string,
  { properties: Record<string, { enum?: unknown[]; properties?: Record<string, { enum?: unknown[] }> }> }
>;

describe('the meta-schema and the engine’s types', () => {
  it('list the same widgets', () => {
    expect(defs.field!.properties.widget!.enum).toEqual([...WIDGETS]);
  });

  it('list the same sources', () => {
    expect(defs.field!.properties.source!.properties!.name!.enum).toEqual(Object.keys(SOURCE_CATALOG));
  });

  it('list the same mail events', () => {
    expect(defs.mailHook!.properties.on!.enum).toEqual([...MAIL_EVENTS]);
  });
});
