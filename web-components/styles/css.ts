/**
 * A style sheet written as a `css` template, as Lit writes them (the build squeezes the text). It
 * is a constructable style sheet, adopted by the shadow roots that use it: one parsed copy for
 * every element, and nothing inline for a strict CSP (`style-src 'self'`) to refuse.
 */
export function css(strings: TemplateStringsArray): CSSStyleSheet {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(strings.join(''));
  return sheet;
}
