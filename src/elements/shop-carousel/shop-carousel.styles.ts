import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    position: relative;
    /* A strip wider than its box scrolls; it never widens the page around it. */
    contain: inline-size;
    --_card-width: var(--livecart-card-width, 180px);
  }
  [part~='track'] {
    display: flex;
    gap: var(--_gap);
    margin: 0;
    padding: 4px 2px 8px;
    list-style: none;
    overflow-x: auto;
    scroll-snap-type: x mandatory;
    scroll-behavior: smooth;
    /* No scrollbar: it would add its height only once the strip overflows (a shift); the
       arrows under the strip, swipes and arrow keys scroll it. */
    scrollbar-width: none;
    overscroll-behavior-x: contain;
  }
  @media (prefers-reduced-motion: reduce) {
    [part~='track'] {
      scroll-behavior: auto;
    }
  }
  [part~='card'] {
    flex: 0 0 var(--_card-width);
    display: flex;
    flex-direction: column;
    gap: 6px;
    padding: 8px;
    scroll-snap-align: start;
    border: 2px solid transparent;
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  [part~='featured'] {
    border-color: var(--_accent);
  }
  /* A card without an image keeps an empty image box: every card has one shape. */
  [part~='image'] {
    display: block;
    width: 100%;
    aspect-ratio: 1;
    object-fit: cover;
    border-radius: calc(var(--_radius) - 4px);
    background: var(--_surface-2);
  }
  [part~='title'] {
    margin: 0;
    font-size: 0.9rem;
    font-weight: 600;
    line-height: 1.25;
    display: -webkit-box;
    -webkit-line-clamp: 2;
    -webkit-box-orient: vertical;
    overflow: hidden;
    /* Two lines, always: a card's height does not depend on its title. */
    min-height: calc(2 * 1.25em);
  }
  [part~='price'],
  [part~='availability'] {
    min-height: 1.25em;
  }
  /* Room for a variant picker on every card, so cards (and the strip) are one height. */
  .variant-row {
    display: var(--_variant-row, block);
    height: 32px;
  }
  .button-space {
    min-height: 40px;
  }
  .placeholder {
    visibility: hidden;
  }
  .waiting {
    position: absolute;
    inset: 0 0 auto;
    z-index: 1;
  }
  [part~='price'] {
    font-weight: 700;
  }
  [part~='price'] s {
    color: var(--_muted);
    font-weight: 400;
    margin-inline-start: 4px;
  }
  [part~='variant'] {
    font: inherit;
    height: 32px;
    border-radius: calc(var(--_radius) / 2);
  }
  [part~='availability'] {
    font-size: 0.8rem;
    color: var(--_muted);
  }
  buy-now-button {
    margin-top: auto;
  }
  /* Under the strip, never over a card: shown only when the strip overflows, its room kept. */
  .nav-row {
    display: flex;
    justify-content: flex-end;
    gap: 8px;
  }
  .nav-row[hidden] {
    display: flex;
    visibility: hidden;
  }
  [part~='nav'] {
    width: 36px;
    height: 36px;
    border: 0;
    border-radius: 50%;
    background: var(--_surface);
    color: var(--_text);
    box-shadow: 0 1px 4px rgb(0 0 0 / 0.3);
    cursor: pointer;
  }
  [part~='message'] {
    margin: 0;
    padding: 12px;
    color: var(--_muted);
  }
`;
