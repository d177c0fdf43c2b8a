import { css } from '../styles/css.js';

export const calendarStyles = css`
  :host {
    display: inline-block;
    position: relative;
    line-height: 1.4;
  }
  .toggle {
    min-width: 44px;
    min-height: 44px;
    padding: 0 0.6em;
  }
  .toggle svg {
    width: 1.3em;
    height: 1.3em;
  }
  .popup {
    position: absolute;
    z-index: 10;
    top: calc(100% + 4px);
    inset-inline-end: 0;
    width: max-content;
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: 0 6px 24px rgb(0 0 0 / 18%);
  }
  .head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    margin-bottom: 0.5rem;
  }
  .month {
    font-weight: 700;
  }
  .nav {
    min-width: 40px;
    min-height: 40px;
    padding: 0;
  }
  table {
    border-collapse: collapse;
  }
  th {
    padding: 0 0 0.25rem;
    color: var(--_muted);
    font-size: 0.85em;
    font-weight: 400;
  }
  th:first-child {
    color: var(--_danger);
  }
  td {
    padding: 1px;
    text-align: center;
  }
  .day {
    width: 40px;
    height: 40px;
    border: 1px solid transparent;
    border-radius: var(--_radius);
    background: none;
    color: inherit;
    font: inherit;
    cursor: pointer;
  }
  .day:hover {
    background: var(--_accent-soft);
  }
  .day.today {
    border-color: var(--_accent);
  }
  .day[aria-pressed='true'] {
    background: var(--_accent);
    color: #fff;
    font-weight: 700;
  }
  .day[aria-disabled='true'] {
    color: #8a9599;
    text-decoration: line-through;
    cursor: not-allowed;
    background: none;
  }
  @media (max-width: 420px) {
    .popup {
      position: fixed;
      top: auto;
      bottom: 0;
      inset-inline: 0;
      width: auto;
      display: flex;
      flex-direction: column;
      align-items: center;
      border-radius: var(--_radius) var(--_radius) 0 0;
    }
  }
`;
