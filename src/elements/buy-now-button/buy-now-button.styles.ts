import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block;
  }
  button {
    width: 100%;
    min-height: 40px;
    padding: 8px 18px;
    border: 0;
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_accent-text);
    font-weight: 700;
    cursor: pointer;
  }
  :host([state='added']) button {
    background: #15803d;
    color: #fff;
  }
  :host([state='error']) button {
    outline: 2px solid #b91c1c;
    outline-offset: 2px;
  }
  button[aria-busy='true'] {
    cursor: progress;
    opacity: 0.8;
  }
  button:disabled {
    background: var(--_surface-2);
    color: var(--_muted);
    cursor: not-allowed;
  }
`;
