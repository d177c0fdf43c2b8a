import { transformSync } from 'esbuild';
import ts from 'typescript';

/**
 * Squeezes the static text of Lit's `html` and `css` templates, which esbuild leaves as written.
 * Works on the TypeScript syntax tree, so strings, comments and `${…}` expressions are never
 * touched. CSS goes through esbuild's CSS minifier. HTML keeps one space where it had any
 * (whitespace between elements renders, and is in their text), except inside tags and at the
 * inner edges of buttons; attribute values that need no quotes lose them.
 */
export function minifyTemplates(fileName: string, source: string): string {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits: { start: number; end: number; text: string }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag)) {
      const squeeze = node.tag.text === 'css' ? squeezeCss : node.tag.text === 'html' ? squeezeHtml : undefined;
      if (squeeze) edits.push(...squeezeTemplate(node.template, source, squeeze));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let result = source;
  for (const { start, end, text } of edits.sort((a, b) => b.start - a.start)) {
    result = result.slice(0, start) + text + result.slice(end);
  }
  return result;
}

/** Stands for each `${…}` while a template's text is squeezed as one string. */
const HOLE = '\u0000';

/**
 * Rewrites the text of every part of a template (between `` ` `` and `${`, `}` and `${`, `}` and
 * `` ` ``), squeezed as one string so that a rule can see a tag an expression sits inside.
 */
function squeezeTemplate(template: ts.TemplateLiteral, source: string, squeeze: (text: string) => string) {
  const parts = ts.isNoSubstitutionTemplateLiteral(template)
    ? [template]
    : [template.head, ...template.templateSpans.map((span) => span.literal)];
  const spans = parts.map((part) => {
    const start = part.getStart();
    const raw = source.slice(start, part.end);
    const open = 1; // the backtick or the `}`
    const close = raw.endsWith('${') ? 2 : 1;
    return { start: start + open, end: part.end - close, text: raw.slice(open, raw.length - close) };
  });
  const squeezed = squeeze(spans.map((span) => span.text).join(HOLE)).split(HOLE);
  if (squeezed.length !== spans.length) throw new Error('A template lost an expression while being squeezed.');
  return spans.map((span, index) => ({ start: span.start, end: span.end, text: squeezed[index]! }));
}

/** Whitespace at the inner edges of a button or an SVG picture is never rendered. */
const INNER_START = `<(?:button|svg)\\b[^>]*>|<path\\b[^>]*>`;
const INNER_END = `</(?:button|svg)>|<path\\b`;

function squeezeHtml(text: string): string {
  return (
    text
      .replace(/\s*\n\s*/g, ' ')
      .replace(new RegExp(`(${INNER_START})\\s+`, 'g'), '$1')
      .replace(new RegExp(`\\s+(${INNER_END})`, 'g'), '$1')
      // Inside a tag: no space before its end, and no self-closing slash on an input (a void element).
      .replace(/\s+>/g, '>')
      .replace(new RegExp(`(["${HOLE}])\\s+/>`, 'g'), '$1/>')
      .replace(/(<input\b[^>]*?)\/>/g, '$1>')
      // Static attribute values of letters, digits and hyphens: `class="button"` → `class=button`.
      .replace(/(\s[\w-]+)="([\w-]+)"(?=[\s>])/g, '$1=$2')
  );
}

function squeezeCss(text: string): string {
  if (text.includes(HOLE)) throw new Error('The components write `css` templates without expressions.');
  const css = transformSync(text, { loader: 'css', minify: true }).code.trim();
  // Written back into a template literal, where these would mean something else.
  if (/[`\\]|\$\{/.test(css)) throw new Error(`Minified CSS needs escaping in a template: ${css}`);
  return css;
}
