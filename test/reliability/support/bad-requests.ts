import fc from 'fast-check';
import { hasUnsafeCharacters } from '../../../server/runtime/safe-text.js';

/** Who sends a request of the corpus. */
export type Caller = 'anonymous' | 'memberA' | 'memberB' | 'officeTarget' | 'officeOther' | 'staff';

/** One wrong request and the statuses it may get: always 4xx, often one exactly. */
export interface BadRequest {
  /** The kind of wrongness, for the figures and for a failure's message. */
  readonly defect: string;
  readonly method: string;
  readonly path: string;
  readonly as: Caller;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array<ArrayBuffer>;
  /** Leave out the CSRF token of a cookie write, or send another. */
  readonly csrf?: 'missing' | 'wrong';
  readonly expect: readonly number[];
}

/** A JSON route of the API and a valid body for it, from which the wrong ones are made. */
export interface JsonRoute {
  readonly method: string;
  readonly path: string;
  readonly as: Caller;
  readonly valid: Readonly<Record<string, unknown>>;
  /** The only top-level keys it takes (unknown ones are refused). */
  readonly strict: boolean;
  /** Paths to string values that text defects are put into. */
  readonly textPaths: readonly (readonly string[])[];
  /** Whether it is a write by session cookie (so a missing CSRF token must be refused). */
  readonly csrf: boolean;
  /** Route-specific defects: a wrong body and the statuses it may get. */
  readonly semantic?: fc.Arbitrary<{ defect: string; body: unknown; expect: readonly number[] }>;
}

const JSON_TYPE = 'application/json';
const LIMIT = 64 * 1024;

/** Characters nobody types, that must be refused wherever text goes. */
const UNSAFE_CHARACTERS = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\u0008',
  '\u000b',
  '\u001b',
  '\u007f',
  '\u0085',
  '\ud800',
  '\udfff',
];

/** Byte sequences that are not UTF-8: a stray continuation, overlong, an encoded surrogate, beyond U+10FFFF. */
const INVALID_UTF8 = [
  [0x80],
  [0xc3, 0x28],
  [0xc0, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
  [0xff],
  [0xe3, 0x81],
];

const WRONG_TYPES = [
  'text/plain',
  'text/plain; charset=utf-8',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'text/json',
  'application/json-seq',
  'application/jsonx',
  '',
];

/** A value of any JSON type. */
const anyJson = fc.jsonValue({ maxDepth: 2 });

/** Keys that must never change an object's behaviour, and keys the routes do not know. */
export const STRANGE_KEYS = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '$ref', ''),
  fc.string({ minLength: 1, maxLength: 20 }),
);

/** A copy of `value` with `leaf` at `path` (objects only; own data properties, even `__proto__`). */
export function withValueAt(value: unknown, path: readonly string[], leaf: unknown): unknown {
  if (path.length === 0) return leaf;
  const source = typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(source)) define(copy, key, item);
  const [head, ...rest] = path as [string, ...string[]];
  define(copy, head, withValueAt((source as Record<string, unknown>)[head], rest, leaf));
  return copy;
}

/** A copy of `value` without the key at `path`. */
export function withoutKeyAt(value: unknown, path: readonly string[]): unknown {
  const source = value as Record<string, unknown>;
  const [head, ...rest] = path as [string, ...string[]];
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(source)) {
    if (key === head && rest.length === 0) continue;
    define(copy, key, key === head ? withoutKeyAt(item, rest) : item);
  }
  return copy;
}

function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The wrong requests for one JSON route: transport, shape and text defects, plus its own. */
export function badRequestsFor(route: JsonRoute): fc.Arbitrary<BadRequest> {
  const validText = JSON.stringify(route.valid);
  const request = (
    defect: string,
    body: string | Uint8Array<ArrayBuffer>,
    expect: readonly number[],
    type = JSON_TYPE,
  ): BadRequest => ({
    defect,
    method: route.method,
    path: route.path,
    as: route.as,
    headers: type === '' ? {} : { 'Content-Type': type },
    body,
    expect,
  });
  const json = (defect: string, body: unknown, expect: readonly number[]) =>
    request(defect, JSON.stringify(body), expect);
  const textPath = fc.constantFrom(...route.textPaths);

  const defects: fc.Arbitrary<BadRequest>[] = [
    // Not JSON at all: cut short, single quotes, trailing commas, random text.
    fc
      .oneof(
        fc.nat({ max: validText.length - 1 }).map((cut) => validText.slice(0, cut)),
        fc.constantFrom(
          "{'a':1}",
          '{"a":1,}',
          '{"a":NaN}',
          '{"a":undefined}',
          '{"a":01}',
          '{"a":"\t"}',
          '\ufeff\ufeff{}',
        ),
        fc.string({ maxLength: 40 }),
      )
      .filter((text) => !parses(text))
      .map((text) => request('malformed JSON', text, [400])),
    // Valid JSON in a body the route does not take.
    fc.constantFrom(...WRONG_TYPES).map((type) => request('wrong content type', validText, [415], type)),
    fc
      .oneof(fc.array(anyJson, { maxLength: 3 }), fc.string(), fc.integer(), fc.constant(null), fc.boolean())
      .map((body) => json('not an object', body, [400])),
    // Over the body limit, whole or claimed.
    fc
      .integer({ min: LIMIT + 1, max: LIMIT * 3 })
      .map((size) =>
        json('oversized body', withValueAt(route.valid, route.textPaths[0]!, 'あ'.repeat(size / 3)), [413]),
      ),
    // Thousands of levels inside a valid body.
    fc
      .tuple(textPath, fc.integer({ min: 300, max: 20_000 }), fc.boolean())
      .map(([path, depth, objects]) =>
        request('very deep nesting', deepBody(route.valid, path, depth, objects), [400, 413]),
      ),
    // Characters nobody types, in a value or in a key.
    fc
      .tuple(textPath, fc.string({ maxLength: 8 }), fc.constantFrom(...UNSAFE_CHARACTERS), fc.string({ maxLength: 8 }))
      .map(([path, before, character, after]) =>
        json(
          'control character or broken surrogate',
          withValueAt(route.valid, path, before + character + after),
          [400],
        ),
      ),
    fc
      .constantFrom(...UNSAFE_CHARACTERS)
      .map((character) => json('control character in a key', withValueAt(route.valid, [`k${character}`], 'x'), [400])),
    // Bytes that are not UTF-8, inside a string value.
    fc
      .tuple(textPath, fc.constantFrom(...INVALID_UTF8))
      .map(([path, bytes]) => request('invalid UTF-8', invalidUtf8Body(route.valid, path, bytes), [400])),
  ];
  if (route.strict) {
    defects.push(
      fc
        .tuple(
          STRANGE_KEYS.filter((key) => !Object.hasOwn(route.valid, key) && !hasUnsafeCharacters(key)),
          anyJson,
        )
        .map(([key, value]) => json('unknown field', withValueAt(route.valid, [key], value), [400])),
    );
  }
  if (route.csrf) {
    defects.push(
      fc
        .constantFrom('missing' as const, 'wrong' as const)
        .map((csrf): BadRequest => ({ ...request('no CSRF token', validText, [403]), csrf })),
    );
  }
  const weighted = defects.map((arbitrary) => ({ arbitrary, weight: 1 }));
  // The route's own defects are as many kinds again as the generic ones: give them as much room.
  if (route.semantic) {
    weighted.push({
      arbitrary: route.semantic.map(({ defect, body, expect }) => json(defect, body, expect)),
      weight: defects.length,
    });
  }
  return fc.oneof(...weighted);
}

function deepBody(valid: unknown, path: readonly string[], depth: number, objects: boolean): string {
  // Built as text: JSON.stringify of 20,000 levels would overflow this test's own stack.
  const placeholder = JSON.stringify('\ue000DEEP\ue000');
  const open = objects ? '{"a":'.repeat(depth) : '['.repeat(depth);
  const close = objects ? '}'.repeat(depth) : ']'.repeat(depth);
  return JSON.stringify(withValueAt(valid, path, '\ue000DEEP\ue000')).replace(placeholder, `${open}"x"${close}`);
}

function invalidUtf8Body(valid: unknown, path: readonly string[], bytes: readonly number[]): Uint8Array<ArrayBuffer> {
  const marker = '\ue000MARK\ue000';
  const text = JSON.stringify(withValueAt(valid, path, `前${marker}後`));
  const [before, after] = text.split(marker) as [string, string];
  const encoder = new TextEncoder();
  return new Uint8Array([...encoder.encode(before), ...bytes, ...encoder.encode(after)]);
}
