import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
    background: var(--_surface);
    color: var(--_text);
    border-radius: var(--_radius);
  }
  :host([hidden]) {
    display: none;
  }
  [part~='base'] {
    display: grid;
    gap: var(--_gap);
    grid-template-columns: minmax(0, 1fr);
    grid-template-areas: 'stage' 'catalog' 'feed';
  }
  [part~='stage'] {
    grid-area: stage;
    position: relative;
    display: grid;
    gap: var(--_gap);
    align-content: start;
  }
  .catalog {
    grid-area: catalog;
    min-width: 0;
  }
  .feed {
    grid-area: feed;
    min-width: 0;
  }
  .feed[hidden] {
    display: none;
  }
  /* split: video | catalog | feed, like the Twitter Live Shopping screen. */
  @container (min-width: 760px) {
    .auto {
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
      grid-template-areas: 'stage catalog' 'stage feed';
    }
    .auto.has-feed {
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr) minmax(0, 2fr);
      grid-template-areas: 'stage catalog feed';
    }
  }
  .split {
    grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
    grid-template-areas: 'stage catalog' 'stage feed';
  }
  .split.has-feed {
    grid-template-columns: minmax(0, 3fr) minmax(0, 2fr) minmax(0, 2fr);
    grid-template-areas: 'stage catalog feed';
  }
  .split shop-carousel,
  .auto shop-carousel {
    --livecart-card-width: 160px;
  }
  /* overlay: the banner over the bottom of the video, for phones. */
  .overlay [part~='banner'] {
    position: absolute;
    inset: auto 8px 8px 8px;
    background: color-mix(in srgb, var(--_surface) 88%, transparent);
    backdrop-filter: blur(6px);
  }
  [part~='banner'] {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto;
    align-items: center;
    gap: 10px;
    padding: 8px;
    border-radius: var(--_radius);
    background: var(--_surface-2);
  }
  [part~='banner'][hidden] {
    display: none;
  }
  [part~='banner'] img {
    width: 52px;
    height: 52px;
    object-fit: cover;
    border-radius: calc(var(--_radius) - 4px);
  }
  .eyebrow {
    display: block;
    font-size: 0.72rem;
    font-weight: 700;
    letter-spacing: 0.06em;
    text-transform: uppercase;
    color: var(--_accent);
  }
  .product-title {
    display: block;
    font-weight: 600;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .flash {
    animation: flash 700ms ease-out;
  }
  @keyframes flash {
    from {
      box-shadow: 0 0 0 3px var(--_accent);
    }
    to {
      box-shadow: 0 0 0 0 transparent;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .flash {
      animation: none;
    }
  }
  [part~='message'] {
    margin: 0;
    padding: 8px;
    color: var(--_muted);
  }
`;
