import ts from 'typescript';

/**
 * Squeezes the whitespace out of the static text of Lit's `html` and `css` templates, which
 * esbuild leaves as written. Works on the TypeScript syntax tree, so strings, comments and
 * `${…}` expressions are never touched. HTML keeps one space where it had any (whitespace
 * between inline elements renders); CSS loses comments and the space around its punctuation.
 */
export function minifyTemplates(fileName: string, source: string): string {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits: { start: number; end: number; text: string }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag)) {
      const squeeze = node.tag.text === 'css' ? squeezeCss : node.tag.text === 'html' ? squeezeHtml : undefined;
      if (squeeze) for (const part of literalParts(node.template)) edits.push(edit(part, source, squeeze));
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

function literalParts(template: ts.TemplateLiteral): ts.Node[] {
  if (ts.isNoSubstitutionTemplateLiteral(template)) return [template];
  return [template.head, ...template.templateSpans.map((span) => span.literal)];
}

/** Rewrites the text between a part's delimiters (`…${`, `}…${`, `}…`). */
function edit(part: ts.Node, source: string, squeeze: (text: string) => string) {
  const start = part.getStart();
  const end = part.end;
  const raw = source.slice(start, end);
  const open = raw.startsWith('`') || raw.startsWith('}') ? 1 : 0;
  const close = raw.endsWith('${') ? 2 : raw.endsWith('`') ? 1 : 0;
  return { start: start + open, end: end - close, text: squeeze(raw.slice(open, raw.length - close)) };
}

function squeezeHtml(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

function squeezeCss(text: string): string {
  return (
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,>])\s*/g, '$1')
      // A colon followed by a space only ends a property name (or a media feature), never a selector.
      .replace(/:\s+/g, ':')
      .replace(/;}/g, '}')
      .trim()
  );
}
