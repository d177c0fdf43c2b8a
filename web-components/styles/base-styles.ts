import { css } from './css.js';

/**
 * What every element shares: the theme's custom properties with their defaults (teal accents and
 * red 必須 badges as in the manual), buttons, focus rings and the visually-hidden helper.
 * Everything is in adopted stylesheets, so a strict CSP (`style-src 'self'`) needs nothing inline.
 */
export const baseStyles = css`
  :host {
    --_accent: var(--mamis-accent, #00737a);
    --_accent-strong: var(--mamis-accent-strong, #00565c);
    --_accent-soft: var(--mamis-accent-soft, #e7f3f3);
    --_danger: var(--mamis-danger, #c42b1c);
    --_danger-soft: var(--mamis-danger-soft, #fdf0ee);
    --_text: var(--mamis-text, #1f2a30);
    --_muted: var(--mamis-muted, #4f5d63);
    --_border: var(--mamis-border, #b9c7ca);
    --_surface: var(--mamis-surface, #ffffff);
    --_surface-alt: var(--mamis-surface-alt, #f4f7f7);
    --_focus: var(--mamis-focus, #1b4fd6);
    --_radius: var(--mamis-radius, 4px);
    display: block;
    color: var(--_text);
    font-family: var(--mamis-font-family, 'Noto Sans JP', 'Hiragino Sans', 'Yu Gothic UI', system-ui, sans-serif);
    font-size: var(--mamis-font-size, 1rem);
    line-height: 1.7;
    box-sizing: border-box;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  h2,
  h3,
  p,
  ul,
  ol {
    margin: 0;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    min-height: 44px;
    min-width: 8em;
    padding: 0.45em 1.4em;
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_accent-strong);
    font: inherit;
    font-weight: 700;
    cursor: pointer;
    text-decoration: none;
  }
  .button:hover {
    background: var(--_accent-soft);
  }
  .button.primary {
    background: var(--_accent);
    color: #fff;
  }
  .button.primary:hover {
    background: var(--_accent-strong);
    border-color: var(--_accent-strong);
  }
  .button.danger {
    border-color: var(--_danger);
    color: var(--_danger);
  }
  .button[disabled],
  .button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.6;
  }
  .link {
    display: inline;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent-strong);
    font: inherit;
    text-decoration: underline;
    text-underline-offset: 0.2em;
    cursor: pointer;
  }
  .link:hover {
    text-decoration-thickness: 2px;
  }
`;
