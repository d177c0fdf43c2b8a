import { CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { json } from '@codemirror/lang-json';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import metaSchema from '../../forms/form-definition.schema.json' with { type: 'json' };
import { descriptionAt, keySuggestions, valueSuggestions } from '../../web-components/studio/meta-schema-lookup.js';
import { schemaCompletion } from '../../web-components/studio/schema-completion.js';

const complete = schemaCompletion(metaSchema);

/** The completion labels at `|` in the document, as the editor asks for them (Ctrl+Space). */
function labelsAt(doc: string): string[] {
  const pos = doc.indexOf('|');
  const state = EditorState.create({ doc: doc.replace('|', ''), extensions: [json()] });
  const result = complete(new CompletionContext(state, pos, true)) as CompletionResult | null;
  return (result?.options ?? []).map((option) => option.label);
}

describe('completing a definition from the meta-schema', () => {
  it('offers the top-level keys not written yet, required ones first', () => {
    const labels = labelsAt('{ "id": "x", "|" }');
    expect(labels).toEqual(expect.arrayContaining(['version', 'title', 'schema', 'fields', 'steps', 'mail']));
    expect(labels).not.toContain('id');
  });

  it("offers a field's settings inside an object that already has some (through additionalProperties and $ref)", () => {
    const labels = labelsAt('{ "fields": { "reason": { "widget": "radio", "vis|" } } }');
    expect(labels).toEqual(expect.arrayContaining(['label', 'options', 'visibleWhen', 'hint']));
    expect(labels).not.toContain('widget');
  });

  it('offers ja and en in a text of two languages', () => {
    expect(labelsAt('{ "title": { "ja": "退会届", | } }')).toEqual(['en']);
  });

  it("offers the settings of a step's own type, picked by its type", () => {
    const confirm = labelsAt('{ "steps": [ { "id": "s" }, { "type": "confirm", "|" } ] }');
    expect(confirm).toContain('submit');
    expect(confirm).not.toContain('fields');
    const fields = labelsAt('{ "steps": [ { "type": "fields", "|" } ] }');
    expect(fields).toContain('fields');
    expect(fields).not.toContain('submit');
  });

  it('offers the values an enum allows', () => {
    expect(labelsAt('{ "fields": { "reason": { "widget": "|" } } }')).toEqual(
      expect.arrayContaining(['radio', 'date', 'association-layers']),
    );
    expect(labelsAt('{ "mail": [ { "on": "|" } ] }')).toContain('submitted');
    // Before the quotes are typed, values come as JSON.
    expect(labelsAt('{ "mail": [ { "on": | } ] }')).toContain('"submitted"');
  });

  it('offers nothing where the schema says nothing', () => {
    expect(labelsAt('{ "schema": { "properties": { "x": { "type": "|" } } } }')).toEqual([]);
  });
});

describe('reading the meta-schema at a path', () => {
  it('describes a key (Japanese first, as the meta-schema writes it)', () => {
    expect(descriptionAt(metaSchema, ['version'])).toMatch(/^版番号/);
    expect(descriptionAt(metaSchema, ['fields', 'anything', 'widget'])).toMatch(/^入力部品/);
  });

  it('lists keys and values directly, for any schema', () => {
    const schema = {
      type: 'object',
      required: ['a'],
      properties: { a: { enum: ['x', 'y'], description: 'A' }, b: { type: 'boolean' } },
    };
    expect(keySuggestions(schema, [], new Map([['b', true]]))).toEqual([
      { key: 'a', description: 'A', required: true },
    ]);
    expect(valueSuggestions(schema, ['a'])).toEqual(['x', 'y']);
    expect(valueSuggestions(schema, ['b'])).toEqual([true, false]);
  });
});
