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
    scrollbar-width: thin;
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
  [part~='image'] {
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
    min-height: 32px;
    border-radius: calc(var(--_radius) / 2);
  }
  [part~='availability'] {
    font-size: 0.8rem;
    color: var(--_muted);
  }
  buy-now-button {
    margin-top: auto;
  }
  [part~='nav'] {
    position: absolute;
    top: 40%;
    width: 36px;
    height: 36px;
    border: 0;
    border-radius: 50%;
    background: var(--_surface);
    color: var(--_text);
    box-shadow: 0 1px 4px rgb(0 0 0 / 0.3);
    cursor: pointer;
  }
  .prev {
    inset-inline-start: 2px;
  }
  .next {
    inset-inline-end: 2px;
  }
  [part~='message'] {
    margin: 0;
    padding: 12px;
    color: var(--_muted);
  }
`;
