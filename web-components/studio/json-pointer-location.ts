/** Where a JSON pointer's value is in JSON text, as character offsets. */
export interface JsonLocation {
  /** The value's first and one-past-last character. */
  readonly from: number;
  readonly to: number;
  /** The member's key (with its quotes) when the value sits in an object. */
  readonly key?: { readonly from: number; readonly to: number };
  readonly kind: 'object' | 'array' | 'scalar';
  /** False when the pointer goes further than the text: this is its deepest existing ancestor. */
  readonly exact: boolean;
  /** The keys of an object value, each with its range (for marking one of them). */
  readonly members?: readonly { readonly name: string; readonly from: number; readonly to: number }[];
}

/**
 * Finds the value a JSON pointer (RFC 6901) names in JSON text, following only the path: the
 * text is scanned, never parsed as a whole, so offsets are exact however it is formatted.
 * Returns the deepest ancestor that exists (`exact: false`) when the pointer goes further, and
 * undefined for text that is not JSON along the way.
 *
 * @example locatePointer('{"a": [1, 2]}', '/a/1') // { from: 10, to: 11, kind: 'scalar', exact: true }
 */
export function locatePointer(text: string, pointer: string): JsonLocation | undefined {
  const tokens = pointer === '' ? [] : pointer.split('/').slice(1).map(unescapeToken);
  if (pointer !== '' && !pointer.startsWith('/')) return undefined;
  const scanner = new Scanner(text);
  let start = scanner.skipSpace(0);
  let key: { from: number; to: number } | undefined;
  for (let depth = 0; ; depth++) {
    const end = scanner.valueEnd(start);
    if (end === undefined) return undefined;
    const kind = text[start] === '{' ? 'object' : text[start] === '[' ? 'array' : 'scalar';
    const members = kind === 'object' ? scanner.members(start) : undefined;
    if (kind === 'object' && !members) return undefined;
    const here: JsonLocation = {
      from: start,
      to: end,
      kind,
      exact: depth === tokens.length,
      ...(key ? { key } : {}),
      ...(members ? { members: members.map(({ name, keyFrom, keyTo }) => ({ name, from: keyFrom, to: keyTo })) } : {}),
    };
    if (depth === tokens.length) return here;
    const token = tokens[depth]!;
    if (kind === 'object') {
      const member = members?.find((candidate) => candidate.name === token);
      if (!member) return here;
      key = { from: member.keyFrom, to: member.keyTo };
      start = member.valueFrom;
    } else if (kind === 'array' && /^(0|[1-9]\d*)$/.test(token)) {
      const elements = scanner.elements(start);
      if (!elements) return undefined;
      const element = elements[Number(token)];
      if (element === undefined) return here;
      key = undefined;
      start = element;
    } else return here;
  }
}

function unescapeToken(token: string): string {
  return token.replaceAll('~1', '/').replaceAll('~0', '~');
}

interface Member {
  readonly name: string;
  readonly keyFrom: number;
  readonly keyTo: number;
  readonly valueFrom: number;
}

/** Just enough of a JSON scanner: where values end, an object's members, an array's elements. */
class Scanner {
  constructor(private readonly text: string) {}

  skipSpace(index: number): number {
    while (index < this.text.length && ' \t\n\r'.includes(this.text[index]!)) index++;
    return index;
  }

  /** One past the end of the value starting at `index`, or undefined when it does not end. */
  valueEnd(index: number): number | undefined {
    const char = this.text[index];
    if (char === '"') return this.stringEnd(index);
    if (char === '{' || char === '[') return this.containerEnd(index);
    const match = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
      this.text.slice(index, index + 400),
    );
    return match ? index + match[0].length : undefined;
  }

  members(index: number): Member[] | undefined {
    const members: Member[] = [];
    let at = this.skipSpace(index + 1);
    if (this.text[at] === '}') return members;
    for (;;) {
      if (this.text[at] !== '"') return undefined;
      const keyFrom = at;
      const keyTo = this.stringEnd(at);
      if (keyTo === undefined) return undefined;
      const name = this.decode(at, keyTo);
      at = this.skipSpace(keyTo);
      if (this.text[at] !== ':' || name === undefined) return undefined;
      const valueFrom = this.skipSpace(at + 1);
      const valueTo = this.valueEnd(valueFrom);
      if (valueTo === undefined) return undefined;
      members.push({ name, keyFrom, keyTo, valueFrom });
      at = this.skipSpace(valueTo);
      if (this.text[at] === ',') at = this.skipSpace(at + 1);
      else if (this.text[at] === '}') return members;
      else return undefined;
    }
  }

  elements(index: number): number[] | undefined {
    const elements: number[] = [];
    let at = this.skipSpace(index + 1);
    if (this.text[at] === ']') return elements;
    for (;;) {
      const end = this.valueEnd(at);
      if (end === undefined) return undefined;
      elements.push(at);
      at = this.skipSpace(end);
      if (this.text[at] === ',') at = this.skipSpace(at + 1);
      else if (this.text[at] === ']') return elements;
      else return undefined;
    }
  }

  private stringEnd(index: number): number | undefined {
    for (let at = index + 1; at < this.text.length; at++) {
      const char = this.text[at];
      if (char === '\\') at++;
      else if (char === '"') return at + 1;
      else if (char === '\n') return undefined;
    }
    return undefined;
  }

  private containerEnd(index: number): number | undefined {
    let depth = 0;
    for (let at = index; at < this.text.length; at++) {
      const char = this.text[at];
      if (char === '"') {
        const end = this.stringEnd(at);
        if (end === undefined) return undefined;
        at = end - 1;
      } else if (char === '{' || char === '[') depth++;
      else if (char === '}' || char === ']') {
        depth--;
        if (depth === 0) return at + 1;
      }
    }
    return undefined;
  }

  private decode(from: number, to: number): string | undefined {
    try {
      return JSON.parse(this.text.slice(from, to)) as string;
    } catch {
      return undefined;
    }
  }
}
