/**
 * Inputs that make a backtracking regular expression show its worst case. The engine's check
 * already refuses the classic shapes (nested quantifiers, back-references, a pattern on an
 * unbounded string); these probes catch what a static rule misses, such as overlapping
 * alternatives under one quantifier (`^(a|aa)*c$`) or three quantifiers in a row (`^\d*\d*\d*x$`).
 * A pattern is timed against them before a draft is compiled (see `PatternGuard`).
 */

/** A regular expression in a data schema and where it is (a JSON pointer into the definition). */
export interface LocatedPattern {
  readonly pattern: string;
  readonly pointer: string;
}

/** Every regular expression a data schema holds: `pattern` values and `patternProperties` keys. */
export function collectPatterns(schema: unknown, base = '/schema'): LocatedPattern[] {
  const found: LocatedPattern[] = [];
  const visit = (node: unknown, pointer: string, depth: number): void => {
    if (depth > 64 || typeof node !== 'object' || node === null) return;
    if (Array.isArray(node)) {
      for (const [index, child] of node.entries()) visit(child, `${pointer}/${index}`, depth + 1);
      return;
    }
    const record = node as Record<string, unknown>;
    if (typeof record.pattern === 'string') found.push({ pattern: record.pattern, pointer: `${pointer}/pattern` });
    const patternProperties = record.patternProperties;
    if (typeof patternProperties === 'object' && patternProperties !== null && !Array.isArray(patternProperties)) {
      for (const key of Object.keys(patternProperties)) {
        found.push({ pattern: key, pointer: `${pointer}/patternProperties/${escapeToken(key)}` });
      }
    }
    for (const [key, child] of Object.entries(record)) visit(child, `${pointer}/${escapeToken(key)}`, depth + 1);
  };
  visit(schema, base, 0);
  return found;
}

function escapeToken(name: string): string {
  return name.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** The most probe strings tried per pattern; each is linear work for a safe pattern. */
const MAX_PROBES = 48;
/** Characters that end a run without matching most classes: they force the backtracking. */
const ENDINGS = ['!', '\u0000', ' '];

/**
 * Strings of `length` characters built from what the pattern itself matches, repeated and then
 * spoiled at the end: each piece (a literal, a class's first member, `\d` → 0 …) alone and in
 * pairs and triples with its neighbours, so alternatives like `(a|aa)` meet `aaaa…!`.
 */
export function probeInputs(pattern: string, length: number): string[] {
  const atoms = atomsOf(pattern);
  const units = new Set<string>();
  for (let index = 0; index < atoms.length; index++) {
    units.add(atoms[index]!);
    if (index + 1 < atoms.length) units.add(atoms[index]! + atoms[index + 1]!);
    if (index + 2 < atoms.length) units.add(atoms[index]! + atoms[index + 1]! + atoms[index + 2]!);
  }
  for (const fallback of ['a', '0', 'あ']) units.add(fallback);
  const probes: string[] = [];
  for (const unit of units) {
    const body = unit.repeat(Math.max(1, Math.floor(length / unit.length)));
    for (const ending of ENDINGS) {
      probes.push(body + ending);
      if (probes.length >= MAX_PROBES) return probes;
    }
  }
  return probes;
}

/** A representative character for each piece of the pattern, in order. */
function atomsOf(pattern: string): string[] {
  const atoms: string[] = [];
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index]!;
    if (char === '\\') {
      const next = pattern[index + 1] ?? '';
      index++;
      atoms.push(ESCAPES[next] ?? next);
      continue;
    }
    if (char === '[') {
      let end = index + 1;
      if (pattern[end] === '^') end++;
      const first = pattern[end] === '\\' ? (ESCAPES[pattern[end + 1] ?? ''] ?? pattern[end + 1]) : pattern[end];
      // A negated class matches nearly anything: a letter is a fair representative.
      atoms.push(pattern[index + 1] === '^' ? 'a' : (first ?? 'a'));
      while (end < pattern.length && pattern[end] !== ']') end += pattern[end] === '\\' ? 2 : 1;
      index = end;
      continue;
    }
    if (char === '{') {
      // A quantifier's bounds ({2,5}) or a property name (\p{L}): nothing to match.
      const end = pattern.indexOf('}', index);
      index = end === -1 ? pattern.length : end;
      continue;
    }
    if (char === '.') atoms.push('a');
    else if (!'()|*+?^$'.includes(char)) atoms.push(char);
  }
  return atoms.filter((atom) => atom !== '');
}

const ESCAPES: Readonly<Record<string, string>> = { d: '0', w: 'a', s: ' ', D: 'a', W: '!', S: 'a', p: 'a' };
