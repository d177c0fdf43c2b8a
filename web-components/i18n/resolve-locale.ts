import type { Locale } from '../../engine/browser.js';

/**
 * The language of an element: its own `lang`, else the nearest ancestor's (across shadow roots),
 * else Japanese. Any `en-*` tag reads as English; everything else as Japanese.
 */
export function resolveLocale(element: Element): Locale {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) {
      return node.getAttribute('lang')!.toLowerCase().startsWith('en') ? 'en' : 'ja';
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return 'ja';
}
