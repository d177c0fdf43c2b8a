import type { Locale } from '../../engine/browser.js';
import { locatePointer } from './json-pointer-location.js';
import type { StudioIssue } from './studio-types.js';

/** A stretch of the editor's text to mark, in characters. */
export interface TextRange {
  readonly from: number;
  readonly to: number;
}

/** The pointer in the definition an issue belongs to: its own, or for a template problem the mail hook's. */
export function definitionPointerOf(issue: StudioIssue): string | undefined {
  if (issue.pointer === '' || issue.pointer.startsWith('/')) return issue.pointer;
  // A template problem (`12:5` in a template file) names the hook that uses the file in its message.
  return /\/mail\/\d+\/template/.exec(issue.message.en)?.[0];
}

/**
 * Where to mark an issue in the definition's text: a scalar value itself; for an object or
 * array, the key it stands under (or its opening bracket) — or, when the message names one of
 * its keys (`There is no setting "lable"`), that key.
 */
export function issueRange(text: string, issue: StudioIssue): TextRange {
  const pointer = definitionPointerOf(issue);
  const location = pointer === undefined ? undefined : locatePointer(text, pointer);
  if (!location) return { from: 0, to: Math.min(1, text.length) };
  if (location.kind === 'scalar' && location.exact) return { from: location.from, to: location.to };
  const named = location.exact
    ? location.members?.find((member) => issue.message.en.includes(JSON.stringify(member.name)))
    : undefined;
  if (named) return { from: named.from, to: named.to };
  if (location.key) return location.key;
  return { from: location.from, to: location.from + 1 };
}

/** An issue as the editor's lint shows it. */
export interface IssueMark extends TextRange {
  readonly message: string;
  readonly code: string;
}

export function issueMarks(text: string, issues: readonly StudioIssue[], locale: Locale): IssueMark[] {
  return issues.map((issue) => ({ ...issueRange(text, issue), message: issue.message[locale], code: issue.code }));
}
