import { describe, expect, it } from 'vitest';
import { locatePointer } from '../../web-components/studio/json-pointer-location.js';

const TEXT = `{
  "id": "withdrawal",
  "fields": {
    "reason": { "label": { "ja": "退会事由" }, "widget": "radio" },
    "a/b~c": true
  },
  "steps": [ { "id": "select" }, { "id": "confirm", "fields": ["x", "y"] } ]
}`;

const at = (from: number, to: number) => TEXT.slice(from, to);

describe('locating a JSON pointer in definition text', () => {
  it('finds a scalar value, with the key it stands under', () => {
    const location = locatePointer(TEXT, '/id')!;
    expect(at(location.from, location.to)).toBe('"withdrawal"');
    expect(at(location.key!.from, location.key!.to)).toBe('"id"');
    expect(location).toMatchObject({ kind: 'scalar', exact: true });
  });

  it('walks objects and arrays, Japanese text included', () => {
    const label = locatePointer(TEXT, '/fields/reason/label/ja')!;
    expect(at(label.from, label.to)).toBe('"退会事由"');
    const element = locatePointer(TEXT, '/steps/1/fields/1')!;
    expect(at(element.from, element.to)).toBe('"y"');
    expect(element.key).toBeUndefined();
  });

  it('gives an object whole, with the range of each of its keys', () => {
    const reason = locatePointer(TEXT, '/fields/reason')!;
    expect(at(reason.from, reason.to)).toBe('{ "label": { "ja": "退会事由" }, "widget": "radio" }');
    expect(reason.kind).toBe('object');
    expect(reason.members!.map((member) => at(member.from, member.to))).toEqual(['"label"', '"widget"']);
  });

  it('unescapes ~1 and ~0 in pointer tokens (RFC 6901)', () => {
    const location = locatePointer(TEXT, '/fields/a~1b~0c')!;
    expect(at(location.from, location.to)).toBe('true');
  });

  it('gives the whole document for the empty pointer', () => {
    const location = locatePointer(TEXT, '')!;
    expect(location).toMatchObject({ from: 0, to: TEXT.length, kind: 'object', exact: true });
  });

  it('stops at the deepest existing ancestor of a pointer that goes further', () => {
    const missing = locatePointer(TEXT, '/fields/reason/hint/ja')!;
    expect(missing.exact).toBe(false);
    expect(at(missing.key!.from, missing.key!.to)).toBe('"reason"');
    const outOfRange = locatePointer(TEXT, '/steps/7')!;
    expect(outOfRange).toMatchObject({ kind: 'array', exact: false });
  });

  it('keeps keys with escaped quotes and braces inside strings apart', () => {
    const text = '{"a\\"b": "}{", "c": [1, {"d": null}]}';
    const d = locatePointer(text, '/c/1/d')!;
    expect(text.slice(d.from, d.to)).toBe('null');
    const quoted = locatePointer(text, '/a"b')!;
    expect(text.slice(quoted.from, quoted.to)).toBe('"}{"');
  });

  it('gives nothing for text that is not JSON along the path', () => {
    expect(locatePointer('{"a": ', '/a')).toBeUndefined();
    expect(locatePointer('{"a" 1}', '/a')).toBeUndefined();
    expect(locatePointer('{}', 'a')).toBeUndefined();
  });
});
