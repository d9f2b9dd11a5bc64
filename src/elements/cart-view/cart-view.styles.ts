import { css } from 'lit';

export const styles = css`
  dialog {
    width: min(440px, calc(100vw - 24px));
    max-height: min(640px, calc(100vh - 24px));
    padding: 16px;
    border: 0;
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  header {
    display: flex;
    justify-content: space-between;
    align-items: center;
  }
  h2 {
    margin: 0;
    font-size: 1.2rem;
  }
  ul {
    list-style: none;
    margin: 12px 0;
    padding: 0;
    display: grid;
    gap: 10px;
  }
  [part~='line'] {
    display: grid;
    grid-template-columns: 56px minmax(0, 1fr) auto;
    gap: 4px 10px;
    align-items: center;
  }
  [part~='line'] img {
    width: 56px;
    height: 56px;
    object-fit: cover;
    border-radius: calc(var(--_radius) / 2);
    grid-row: span 2;
  }
  .muted {
    color: var(--_muted);
    font-size: 0.85rem;
  }
  [data-unavailable] {
    color: var(--_muted);
  }
  [part~='stepper'] {
    display: inline-flex;
    align-items: center;
    gap: 6px;
  }
  button {
    min-width: 32px;
    min-height: 32px;
    border: 1px solid var(--_muted);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
  }
  [part~='checkout'] {
    width: 100%;
    min-height: 44px;
    border: 0;
    background: var(--_accent);
    color: var(--_accent-text);
    font-weight: 700;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  [part~='subtotal'] {
    display: flex;
    justify-content: space-between;
    margin: 8px 0 12px;
    font-weight: 700;
  }
  [part~='message'] {
    margin: 12px 0;
  }
`;
