import { css } from 'lit';

/** The studio's layout: a bar, the editor on the left, the tabs on the right (stacked when narrow). */
export const studioStyles = css`
  :host {
    --_editor-height: var(--mamis-studio-height, calc(100vh - 9rem));
    font-size: 0.95rem;
  }
  .studio {
    display: grid;
    gap: 0.75rem;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .picker {
    margin-right: auto;
  }
  label {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
  }
  label > span {
    font-weight: 700;
    white-space: nowrap;
  }
  select {
    min-height: 2.25rem;
    padding: 0 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: inherit;
    font: inherit;
  }
  .version {
    color: var(--_muted);
  }
  .check-state {
    padding: 0.1rem 0.6rem;
    border-radius: 999px;
    font-weight: 700;
  }
  .check-state.good {
    background: var(--_accent-soft);
    color: var(--_accent-strong);
  }
  .check-state.bad {
    background: var(--_danger-soft);
    color: var(--_danger);
  }
  .check-state.busy {
    background: var(--_surface);
    color: var(--_muted);
  }
  .columns {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    gap: 1rem;
    align-items: start;
  }
  @media (max-width: 960px) {
    .columns {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .left,
  .right {
    display: grid;
    gap: 0.5rem;
    min-width: 0;
  }
  .editor-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 0.75rem;
  }
  .editor-head h3 {
    font-size: 1rem;
  }
  .small {
    font-size: 0.85rem;
  }
  .muted {
    color: var(--_muted);
  }
  .editor {
    height: var(--_editor-height);
    min-height: 24rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  .history summary {
    cursor: pointer;
    color: var(--_muted);
  }
  .history ul {
    margin: 0.25rem 0 0;
    padding-left: 1.25rem;
    font-variant-numeric: tabular-nums;
  }
  .test-controls {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
  }
  .check input {
    width: 1.1rem;
    height: 1.1rem;
    accent-color: var(--_accent);
  }
  .check > span {
    font-weight: 400;
  }
  .tabs {
    display: flex;
    gap: 0.25rem;
    border-bottom: 2px solid var(--_accent);
  }
  .tab {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
    min-height: 2.5rem;
    padding: 0 1rem;
    border: 1px solid var(--_border);
    border-bottom: none;
    border-radius: var(--_radius) var(--_radius) 0 0;
    background: var(--_surface-alt);
    color: inherit;
    font: inherit;
    cursor: pointer;
  }
  .tab[aria-selected='true'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: #fff;
    font-weight: 700;
  }
  .count {
    min-width: 1.4rem;
    padding: 0 0.35rem;
    border-radius: 999px;
    background: var(--_danger);
    color: #fff;
    font-size: 0.8rem;
    text-align: center;
  }
  .panel {
    height: calc(var(--_editor-height) - 5.5rem);
    min-height: 20rem;
    overflow: auto;
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-top: none;
    border-radius: 0 0 var(--_radius) var(--_radius);
  }
  .stale {
    margin-bottom: 0.75rem;
    padding: 0.4rem 0.75rem;
    border-left: 4px solid var(--_danger);
    background: var(--_danger-soft);
  }
  .notice {
    padding: 0.5rem 0.75rem;
    border-left: 4px solid var(--_danger);
    background: var(--_danger-soft);
  }
  .notice.ok {
    border-left-color: var(--_accent);
    background: var(--_accent-soft);
  }
  .ok-line {
    margin-bottom: 0.75rem;
    color: var(--_accent-strong);
    font-weight: 700;
  }
  .issues {
    display: grid;
    gap: 0.5rem;
    margin: 0.5rem 0 0;
    padding: 0;
    list-style: none;
  }
  .issue {
    display: grid;
    gap: 0.2rem;
    width: 100%;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-left: 4px solid var(--_danger);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: inherit;
    font: inherit;
    text-align: left;
    cursor: pointer;
  }
  .issue:hover {
    background: var(--_danger-soft);
  }
  .issue-where {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    font-size: 0.85rem;
    color: var(--_muted);
  }
  .issue-pointer {
    color: var(--_text);
    font-weight: 700;
  }
  .data-errors {
    margin-bottom: 1rem;
    padding: 0.5rem 0.75rem;
    border-left: 4px solid var(--_danger);
    background: var(--_danger-soft);
  }
  .data-errors h3 {
    font-size: 0.95rem;
  }
  .data-errors ul {
    margin: 0.25rem 0 0;
    padding-left: 1.25rem;
  }
  .confirm-section + .confirm-section {
    margin-top: 1.25rem;
  }
  .confirm-head {
    margin-bottom: 0.5rem;
    border-bottom: 2px solid var(--_accent);
  }
  .confirm-title {
    font-size: 1.05rem;
  }
  .confirm-table {
    width: 100%;
    border-collapse: collapse;
  }
  .confirm-table th,
  .confirm-table td {
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    text-align: left;
    vertical-align: top;
  }
  .confirm-table th {
    width: 12rem;
    background: var(--_accent-soft);
  }
  .confirm-targets,
  .confirm-list {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .layer-tag {
    color: var(--_accent-strong);
    font-weight: 700;
  }
  .empty-value {
    color: var(--_muted);
  }
  .mail-controls {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
    margin-bottom: 0.75rem;
  }
  .mail {
    display: grid;
    gap: 0.25rem;
    margin: 0;
  }
  .mail dt {
    margin-top: 0.5rem;
    font-weight: 700;
  }
  .mail dd {
    margin: 0;
  }
  .open-html {
    margin-left: 0.75rem;
    font-weight: 400;
    color: var(--_accent-strong);
  }
  .mail-text {
    margin: 0;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    background: var(--_surface-alt);
    font-size: 0.85rem;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .mail-html {
    width: 100%;
    height: 32rem;
    border: 1px solid var(--_border);
    background: #fff;
  }
  .publish-dialog {
    max-width: 32rem;
    padding: 1.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .publish-dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  .publish-dialog h2 {
    font-size: 1.1rem;
    margin-bottom: 0.75rem;
  }
  .actions {
    display: flex;
    justify-content: flex-end;
    gap: 0.75rem;
    margin-top: 1.25rem;
  }
`;
