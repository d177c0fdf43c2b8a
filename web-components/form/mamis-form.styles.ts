import { css } from '../styles/css.js';

/** The look of the manual: a titled, bordered panel, label cells on a teal tint, red 必須 badges. */
export const formStyles = css`
  .title {
    margin-bottom: 1rem;
    padding: 0.1em 0 0.1em 0.7em;
    border-left: 6px solid var(--_accent);
    font-size: 1.5rem;
    line-height: 1.4;
  }
  .title:focus {
    outline: none;
  }
  .title:focus-visible {
    outline: 3px solid var(--_focus);
  }
  .loading,
  .muted {
    color: var(--_muted);
  }

  /* Stepper: 1 医師会選択 — 2 確認・申請 */
  .stepper {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0;
    margin-bottom: 1rem;
    padding: 0;
    list-style: none;
  }
  .stepper-item {
    display: flex;
    align-items: center;
    gap: 0.5em;
    color: var(--_muted);
  }
  .stepper-item + .stepper-item::before {
    content: '';
    display: block;
    width: 2.5rem;
    height: 2px;
    margin: 0 0.75rem;
    background: var(--_border);
  }
  .stepper-number {
    display: inline-grid;
    place-items: center;
    width: 2em;
    height: 2em;
    border: 2px solid var(--_border);
    border-radius: 50%;
    background: var(--_surface);
    font-weight: 700;
  }
  .stepper-item.current {
    color: var(--_text);
    font-weight: 700;
  }
  .stepper-item.current .stepper-number {
    border-color: var(--_accent);
    background: var(--_accent);
    color: #fff;
  }
  .stepper-item.done .stepper-number {
    border-color: var(--_accent);
    color: var(--_accent-strong);
  }

  .panel {
    padding: 1.5rem;
    border: 1px solid var(--_border);
    border-top: 4px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .intro,
  .interstitial,
  .complete {
    display: grid;
    gap: 0.6rem;
  }
  .intro {
    margin-bottom: 1.5rem;
  }
  .block-heading {
    font-size: 1.1rem;
    line-height: 1.5;
  }
  .interstitial .block-heading {
    margin-top: 0.5rem;
    text-align: center;
    font-size: 1.2rem;
  }
  .block-note {
    color: var(--_muted);
    font-size: 0.95rem;
  }
  .block-list {
    display: grid;
    gap: 0.4rem;
    padding: 1rem 1.25rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    list-style: none;
  }
  .block-list li {
    position: relative;
    padding-left: 1.7em;
  }
  .block-list li::before {
    content: '';
    position: absolute;
    left: 0.35em;
    top: 0.35em;
    width: 0.45em;
    height: 0.8em;
    border: solid var(--_accent);
    border-width: 0 3px 3px 0;
    transform: rotate(45deg);
  }

  /* Fields as the manual's form table: label cell, control cell. */
  .fields {
    border-top: 1px solid var(--_border);
  }
  .field {
    display: grid;
    grid-template-columns: minmax(9rem, 15rem) 1fr;
    border: 1px solid var(--_border);
    border-top: 0;
  }
  .label {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    align-content: flex-start;
    gap: 0.25em 0.6em;
    padding: 0.9rem 1rem;
    background: var(--_accent-soft);
    font-weight: 700;
  }
  .field.invalid .label {
    box-shadow: inset 4px 0 0 var(--_danger);
  }
  .badge {
    display: inline-block;
    padding: 0 0.5em;
    border-radius: 2px;
    background: var(--_danger);
    color: #fff;
    font-size: 0.75rem;
    font-weight: 700;
    line-height: 1.7;
  }
  .control {
    display: grid;
    gap: 0.4rem;
    align-content: start;
    min-width: 0;
    padding: 0.75rem 1rem;
  }
  .control-row {
    min-height: 44px;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.9rem;
  }
  .input {
    width: 100%;
    max-width: 32rem;
    min-height: 44px;
    padding: 0.45em 0.7em;
    border: 1px solid #74858a;
    border-radius: var(--_radius);
    background: var(--_surface);
    color: inherit;
    font: inherit;
  }
  .input.date {
    width: 10em;
  }
  .input.narrow {
    width: 12em;
  }
  .textarea {
    min-height: 7em;
    resize: vertical;
  }
  .input[aria-invalid='true'] {
    border: 2px solid var(--_danger);
    background: var(--_danger-soft);
  }
  .error {
    padding-left: 0.6em;
    border-left: 4px solid var(--_danger);
    color: var(--_danger);
    font-weight: 700;
  }
  .empty {
    color: var(--_muted);
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1.75rem;
  }
  .choices.stacked {
    flex-direction: column;
  }
  .choice {
    display: inline-flex;
    align-items: center;
    gap: 0.45em;
    min-height: 44px;
    cursor: pointer;
  }
  input[type='radio'],
  input[type='checkbox'] {
    width: 1.25em;
    height: 1.25em;
    margin: 0;
    accent-color: var(--_accent);
  }

  /* The association picker: 所属施設名, then 3層 小樽市医師会 … */
  .layer-groups {
    display: grid;
    gap: 0.75rem;
  }
  .layer-group {
    margin: 0;
    padding: 0.5rem 1rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .layer-group.active {
    border: 2px solid var(--_accent);
    background: var(--_accent-soft);
  }
  .layer-legend {
    padding: 0 0.4em;
    font-weight: 700;
  }
  .layers {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .layer-row {
    display: flex;
    align-items: center;
    gap: 0.75em;
    min-height: 44px;
    cursor: pointer;
  }
  .layer {
    display: inline-block;
    min-width: 3.2em;
    padding: 0 0.5em;
    border: 1px solid var(--_accent);
    border-radius: 2px;
    color: var(--_accent-strong);
    font-size: 0.85rem;
    font-weight: 700;
    text-align: center;
  }

  .error-summary {
    margin-bottom: 1.5rem;
    padding: 1rem 1.25rem;
    border: 3px solid var(--_danger);
    border-radius: var(--_radius);
  }
  .error-summary-title {
    margin-bottom: 0.25rem;
    color: var(--_danger);
    font-size: 1.1rem;
  }
  .error-summary ul {
    margin-top: 0.5rem;
    padding-left: 1.25em;
  }
  .error-summary a {
    color: var(--_danger);
    font-weight: 700;
  }
  .notice {
    margin-bottom: 1rem;
    padding: 0.75rem 1rem;
    border-left: 5px solid var(--_danger);
    background: var(--_danger-soft);
    font-weight: 700;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    gap: 0.75rem 1rem;
    margin-top: 1.75rem;
  }
  .leave {
    margin-top: 1.25rem;
    text-align: center;
  }

  .dialog {
    width: min(34rem, calc(100vw - 2rem));
    padding: 1.75rem 1.5rem;
    border: 0;
    border-top: 5px solid var(--_accent);
    border-radius: 6px;
    color: inherit;
  }
  .dialog::backdrop {
    background: rgb(10 30 35 / 55%);
  }
  .dialog-title {
    margin-bottom: 0.75rem;
    font-size: 1.3rem;
    text-align: center;
  }
  .dialog-body {
    display: grid;
    gap: 0.5rem;
  }
  .dialog .block-paragraph {
    text-align: center;
    font-weight: 700;
  }

  .confirm-section + .confirm-section {
    margin-top: 1.5rem;
  }
  .confirm-head {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    gap: 1rem;
    margin-bottom: 0.5rem;
    padding-bottom: 0.25rem;
    border-bottom: 2px solid var(--_accent);
  }
  .confirm-title {
    font-size: 1.1rem;
  }
  .edit {
    min-height: 44px;
    padding: 0 0.5em;
    font-weight: 700;
  }
  .confirm-table {
    width: 100%;
    border-collapse: collapse;
  }
  .confirm-table th,
  .confirm-table td {
    padding: 0.75rem 1rem;
    border: 1px solid var(--_border);
    text-align: left;
    vertical-align: top;
  }
  .confirm-table th {
    width: 15rem;
    background: var(--_accent-soft);
  }
  .confirm-facility {
    margin-bottom: 0.25rem;
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

  .complete {
    text-align: center;
  }
  .complete-badge {
    justify-self: center;
    padding: 0.1em 1.2em;
    border-radius: 999px;
    background: var(--_accent);
    color: #fff;
    font-weight: 700;
  }
  .complete .block-heading:first-of-type {
    font-size: 1.3rem;
  }
  .complete .block-heading:not(:first-of-type) {
    margin-top: 0.75rem;
    font-size: 1rem;
  }
  .complete .block-list {
    text-align: left;
  }

  .resume {
    display: grid;
    gap: 0.5rem;
  }

  @media (max-width: 640px) {
    .panel {
      padding: 1rem 0.75rem;
    }
    .field {
      grid-template-columns: 1fr;
    }
    .label {
      padding: 0.6rem 0.75rem;
    }
    .control {
      padding: 0.75rem;
    }
    .confirm-table,
    .confirm-table tbody,
    .confirm-table tr,
    .confirm-table th,
    .confirm-table td {
      display: block;
      width: auto;
    }
    .confirm-table tr + tr th {
      border-top: 0;
    }
    .confirm-table td {
      border-top: 0;
    }
    .actions .button {
      flex: 1 1 100%;
    }
    .stepper-item + .stepper-item::before {
      width: 1.25rem;
      margin: 0 0.5rem;
    }
  }
`;
