import { css } from './css.js';

/** The titled panel of マイページ (申請ステータス, 医師会入退会履歴). */
export const panelStyles = css`
  .panel {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    overflow: hidden;
  }
  .title {
    padding: 0.6rem 1rem;
    background: var(--_accent);
    color: #fff;
    font-size: 1.15rem;
  }
  .body {
    padding: 1rem;
  }
  .empty {
    padding: 2rem 1rem;
    border-radius: var(--_radius);
    background: var(--_accent-soft);
    color: var(--_accent-strong);
    font-weight: 700;
    text-align: center;
  }
  .layer {
    display: inline-block;
    min-width: 3.2em;
    margin-right: 0.5em;
    padding: 0 0.5em;
    border: 1px solid var(--_accent);
    border-radius: 2px;
    color: var(--_accent-strong);
    font-size: 0.85rem;
    font-weight: 700;
    text-align: center;
  }
  .muted {
    color: var(--_muted);
  }
  .notice {
    padding: 0.75rem 1rem;
    border-left: 5px solid var(--_danger);
    background: var(--_danger-soft);
    font-weight: 700;
  }
`;
