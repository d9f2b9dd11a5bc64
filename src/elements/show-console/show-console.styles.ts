import { css } from 'lit';

export const styles = css`
  :host {
    display: grid;
    gap: var(--_gap);
    container-type: inline-size;
    padding: var(--_gap);
    background: var(--_surface);
  }
  h2 {
    margin: 0;
    font-size: 0.8rem;
    text-transform: uppercase;
    letter-spacing: 0.06em;
    color: var(--_muted);
  }
  img,
  .no-image {
    width: 56px;
    height: 56px;
    object-fit: cover;
    border-radius: calc(var(--_radius) / 2);
    background: var(--_surface-2);
  }
  button {
    min-height: 44px;
    padding: 8px 16px;
    border: 0;
    border-radius: var(--_radius);
    font-weight: 700;
    cursor: pointer;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  kbd {
    display: inline-block;
    min-width: 1.5em;
    margin-inline-end: 4px;
    padding: 0 4px;
    border: 1px solid currentColor;
    border-radius: 4px;
    font: inherit;
    font-size: 0.85em;
    text-align: center;
  }
  [part~='now'] {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    align-items: center;
    gap: 6px var(--_gap);
    padding: var(--_gap);
    border-radius: var(--_radius);
    background: var(--_surface-2);
  }
  [part~='now'] h2 {
    grid-column: 1 / -1;
  }
  .now-product {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    align-items: center;
    gap: 0 var(--_gap);
  }
  .now-product img {
    grid-row: span 2;
  }
  .now-product p {
    margin: 0;
    font-size: 1.3rem;
    font-weight: 700;
  }
  .now-product time {
    color: var(--_muted);
  }
  [part~='delivery'] {
    display: block;
    font-size: 0.95rem;
    font-weight: 600;
  }
  [data-delivery='failed'] {
    box-shadow: inset 4px 0 0 #b91c1c;
  }
  [data-delivery='failed'] [part~='delivery'] {
    color: #b91c1c;
  }
  [part~='clear'] {
    background: var(--_surface);
    color: var(--_text);
    box-shadow: inset 0 0 0 2px currentColor;
  }
  [part~='queue'] ol,
  [part~='catalog'] {
    display: grid;
    gap: 8px;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part~='queue'] {
    display: grid;
    gap: 6px;
  }
  [part~='entry'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 10px;
    padding: 6px 10px;
    border-inline-start: 4px solid var(--_muted);
    background: var(--_surface-2);
  }
  [part~='failed'] {
    border-color: #b91c1c;
  }
  .entry-name {
    font-weight: 600;
  }
  [part~='retry'] {
    min-height: 32px;
    padding: 4px 12px;
    background: var(--_text);
    color: var(--_surface);
  }
  [part~='search'] {
    width: 100%;
    min-height: 44px;
    padding: 8px 12px;
    border: 1px solid var(--_muted);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
  }
  [part~='product'] {
    display: grid;
    grid-template-columns: 56px minmax(0, 1fr) auto;
    align-items: center;
    gap: 8px var(--_gap);
    padding: 8px;
    border: 2px solid transparent;
    border-radius: var(--_radius);
    background: var(--_surface-2);
  }
  [part~='product'][part~='featured'] {
    border-color: var(--_accent);
  }
  .details {
    display: grid;
    gap: 2px;
    min-width: 0;
  }
  .title {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .meta {
    color: var(--_muted);
    font-size: 0.9rem;
  }
  .out_of_stock {
    font-weight: 700;
  }
  [part~='feature'] {
    min-width: 9em;
    min-height: 52px;
    font-size: 1.05rem;
    background: var(--_accent);
    color: var(--_accent-text);
  }
  [part~='featured'] [part~='feature'] {
    background: var(--_surface);
    color: var(--_text);
    box-shadow: inset 0 0 0 2px var(--_accent);
  }
  [part~='message'] {
    margin: 0;
    color: var(--_muted);
  }
  /* A phone: the big button gets a row of its own. */
  @container (max-width: 420px) {
    [part~='product'] {
      grid-template-columns: 56px minmax(0, 1fr);
    }
    [part~='feature'] {
      grid-column: 1 / -1;
    }
  }
`;
