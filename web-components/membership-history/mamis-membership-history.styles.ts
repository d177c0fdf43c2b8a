import { css } from '../styles/css.js';

export const membershipHistoryStyles = css`
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    padding: 0.6rem 0.75rem;
    border: 1px solid var(--_border);
    text-align: left;
    vertical-align: top;
  }
  thead th {
    background: var(--_accent-soft);
    white-space: nowrap;
  }
  .date {
    white-space: nowrap;
  }
  .current {
    color: var(--_accent-strong);
    font-weight: 700;
  }
  @media (max-width: 560px) {
    thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
    table,
    tbody,
    tr,
    td {
      display: block;
    }
    tr {
      margin-bottom: 0.75rem;
      border: 1px solid var(--_border);
    }
    td {
      border: 0;
      padding: 0.25rem 0.75rem;
    }
    td[data-label]::before {
      content: attr(data-label);
      color: var(--_muted);
    }
  }
`;
