/**
 * Characters no member, office or staff types, and that PostgreSQL cannot store or that only
 * hide what a text says: C0 controls except tab, line feed and carriage return (NUL is refused
 * by `text` and `jsonb` alike, which made it a 500), DEL and the C1 controls, and UTF-16
 * surrogates that are not part of a pair (invalid Unicode: jsonb refuses them too).
 */
const UNSAFE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's whole purpose.
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True when the text holds a character that `UNSAFE` describes. */
export function hasUnsafeCharacters(text: string): boolean {
  return UNSAFE.test(text);
}

/**
 * Nesting far deeper than any request needs (a form definition nests about a dozen levels; the
 * studio reports its own limit of 40 as an issue). Deeper JSON, which 64 KiB allows to thousands
 * of levels, only exhausts stacks further in: in Ajv, JSON.stringify or PostgreSQL's jsonb.
 */
export const MAX_JSON_DEPTH = 256;

export type JsonProblem = 'too_deep' | 'unsafe_text';

/**
 * Walks a parsed JSON value (without recursion, so depth cannot hurt here) and reports the
 * first problem: nesting beyond `MAX_JSON_DEPTH`, or a string or key with unsafe characters.
 */
export function jsonProblem(value: unknown): JsonProblem | undefined {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    if (typeof current === 'string') {
      if (hasUnsafeCharacters(current)) return 'unsafe_text';
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= MAX_JSON_DEPTH) return 'too_deep';
    if (Array.isArray(current)) {
      for (const item of current) stack.push({ value: item, depth: depth + 1 });
      continue;
    }
    for (const [key, item] of Object.entries(current)) {
      if (hasUnsafeCharacters(key)) return 'unsafe_text';
      stack.push({ value: item, depth: depth + 1 });
    }
  }
  return undefined;
}

/**
 * True when a raw URL path or query carries a percent-encoded control character (`%00`–`%1F`,
 * `%7F`): ids and names never do, and a NUL would reach the database.
 */
export function hasEncodedControlCharacters(pathAndQuery: string): boolean {
  return /%(?:[01][0-9a-f]|7f)/i.test(pathAndQuery);
}
