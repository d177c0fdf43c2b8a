import { css } from '../styles/css.js';

export const applicationStatusStyles = css`
  .applications {
    display: grid;
    gap: 1rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .application {
    padding: 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    margin-bottom: 0.75rem;
  }
  .form-title {
    margin: 0;
    color: var(--_accent-strong);
    font-size: 1.1rem;
  }
  .facility {
    flex: 1 1 auto;
  }
  .small {
    min-width: 5em;
    min-height: 40px;
    padding: 0.2em 1em;
  }
  .targets {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
    margin: 0;
    padding: 0;
    border: 1px solid var(--_border);
    list-style: none;
  }
  .target {
    display: grid;
    align-content: start;
    gap: 0.4rem;
    justify-items: center;
    padding: 0.6rem;
    text-align: center;
  }
  .target + .target {
    border-left: 1px solid var(--_border);
  }
  .target-name {
    font-weight: 700;
  }
  .chip {
    display: inline-block;
    min-width: 5em;
    padding: 0.1em 0.9em;
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: 0.9rem;
    font-weight: 700;
  }
  .chip.submitted {
    background: #eef3fb;
    color: #1f4e8c;
  }
  .chip.in_review {
    background: #fff6e0;
    color: #7a4b00;
  }
  .chip.approved {
    background: #e6f4ea;
    color: #1e6b34;
  }
  .chip.returned {
    background: var(--_danger-soft);
    color: var(--_danger);
  }
  .chip.withdrawn {
    background: #f0f0f0;
    color: #4d4d4d;
  }
  .comment {
    color: var(--_muted);
    font-size: 0.9rem;
    text-align: left;
  }
  .foot {
    display: flex;
    justify-content: flex-end;
    margin-top: 0.75rem;
  }
  .dialog {
    width: min(30rem, calc(100vw - 2rem));
    padding: 1.5rem;
    border: 0;
    border-top: 5px solid var(--_danger);
    border-radius: 6px;
    color: inherit;
  }
  .dialog::backdrop {
    background: rgb(10 30 35 / 55%);
  }
  .dialog h2 {
    margin-bottom: 0.5rem;
    font-size: 1.2rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 0.75rem;
    margin-top: 1.25rem;
  }
  @media (max-width: 480px) {
    .target + .target {
      border-left: 0;
      border-top: 1px solid var(--_border);
    }
  }
`;
