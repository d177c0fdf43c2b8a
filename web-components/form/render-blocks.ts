import { html, type TemplateResult } from 'lit/html.js';
import type { BlockView } from '../../engine/browser.js';

/** The texts of interstitial, intro and completion screens, as the definition lists them. */
export function renderBlocks(blocks: readonly BlockView[]): TemplateResult {
  return html`${blocks.map((block) => {
    switch (block.type) {
      case 'heading':
        return html`<h3 class="block-heading" part="block-heading">${block.text}</h3>`;
      case 'paragraph':
        return html`<p class="block-paragraph">${block.text}</p>`;
      case 'note':
        return html`<p class="block-note" part="note">${block.text}</p>`;
      case 'list':
        return html`<ul class="block-list" part="list">
          ${block.items.map((item) => html`<li>${item}</li>`)}
        </ul>`;
      default: {
        const exhaustive: never = block;
        return exhaustive;
      }
    }
  })}`;
}
