import { css, unsafeCSS, type CSSResult } from 'lit';

/**
 * split: video | catalog | feed side by side, like the Twitter Live Shopping screen. Its
 * heights (and the narrow ones below) are reserved before upgrade by reserved-box.css.
 */
const split = (scope: CSSResult) => css`
  ${scope} {
    grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
    grid-template-areas: 'stage catalog';
  }
  ${scope}.has-feed {
    grid-template-columns: minmax(0, 3fr) minmax(0, 2fr) minmax(0, 2fr);
    grid-template-areas: 'stage catalog feed';
  }
  /* In a column beside the video, the catalog is a list as tall as the stage (and never
     shorter than two whole cards). */
  ${scope} .catalog {
    contain: size;
    min-height: 232px;
  }
  ${scope} shop-carousel {
    height: 100%;
  }
  ${scope} shop-carousel::part(track) {
    flex-direction: column;
    height: 100%;
    overflow: hidden auto;
    scroll-snap-type: y mandatory;
    /* The last card fades out: the list says it scrolls. */
    mask-image: linear-gradient(to bottom, #000 calc(100% - 40px), transparent);
  }
  ${scope} shop-carousel::part(card) {
    flex: none;
    display: grid;
    grid-template-columns: 72px minmax(0, 1fr);
    column-gap: 10px;
    row-gap: 2px;
    align-items: start;
    background: var(--_surface-2);
  }
  /* The image holds the first column, whatever follows (a variant picker too) the second. */
  ${scope} shop-carousel::part(image) {
    grid-row: span 6;
  }
  ${scope} shop-carousel::part(nav) {
    display: none;
  }
  /* Reserved room for variant pickers is for the strip; a list row sizes itself. */
  ${scope} shop-carousel {
    --_variant-row: none;
  }
`;

/** A small banner: two lines of title and no eyebrow (the live region still says "Now showing"). */
const twoLineTitle = (scope: CSSResult) => css`
  ${scope} .eyebrow {
    display: none;
  }
  ${scope} .product-title {
    display: -webkit-box;
    -webkit-line-clamp: 2;
    -webkit-box-orient: vertical;
    white-space: normal;
    line-height: 1.2;
  }
`;

/**
 * overlay: the banner over the lower part of the video, for tall (portrait) video: below
 * the host's face, above the video's own controls (so Unmute stays reachable), as small as
 * two lines of title allow. Picked only by `layout="overlay"`: a narrow show without a
 * layout stacks the banner under the video, where it hides nothing.
 */
const overlay = (scope: CSSResult) => css`
  ${scope} [part~='banner'] {
    position: absolute;
    inset: auto 8px 48px 8px;
    max-width: 400px;
    min-height: 0;
    gap: 8px;
    padding: 6px;
    font-size: 0.85rem;
    background: color-mix(in srgb, var(--_surface) 88%, transparent);
    backdrop-filter: blur(6px);
  }
  ${scope} [part~='banner'] img {
    width: 40px;
    height: 40px;
  }
  ${twoLineTitle(scope)}
`;

/**
 * The narrow show's banner, under the video: one fixed height (the box a pasted snippet
 * reserves, see reserved-box.css), two lines of title, the eyebrow left to the live region.
 */
const stacked = (scope: CSSResult) => css`
  ${scope} [part~='banner'] {
    height: calc(52px + 16px);
    overflow: hidden;
  }
  ${scope} [part~='banner'] buy-now-button {
    min-width: 7.5em;
  }
  ${twoLineTitle(scope)}
`;

export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
    background: var(--_surface);
    color: var(--_text);
    border-radius: var(--_radius);
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
  /* The cart dialog opens in the top layer: its element takes no row of the stage. */
  [part~='stage'] cart-view {
    position: absolute;
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
  /* The chat: as tall as the stage beside it; under the catalog on a phone, its own height. */
  show-chat {
    height: 100%;
    min-height: 320px;
  }
  @container (max-width: 759.98px) {
    .auto show-chat {
      height: 320px;
    }
  }
  ${split(unsafeCSS('.split'))}
  ${overlay(unsafeCSS('.overlay'))}
  /* No layout set: split where there is room for it; else the banner under the video (the
     base grid), where it covers neither the host nor the controls. */
  @container (min-width: 760px) {
    ${split(unsafeCSS('.auto'))}
  }
  @container (max-width: 759.98px) {
    ${stacked(unsafeCSS('.auto'))}
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
  /* Before the first product, the banner keeps its room (beside the video in split): nothing shifts when it comes. */
  [part~='banner'] {
    min-height: calc(52px + 16px);
  }
  [part~='banner'][hidden] {
    visibility: hidden;
  }
  /* One width whatever the label ("Buy now", "Pre-order", "Sold out"): the banner does not reflow as products change. */
  [part~='banner'] buy-now-button {
    min-width: 9.5em;
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
    color: var(--_accent-ink);
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
  .cart-button {
    position: absolute;
    top: 10px;
    inset-inline-end: 10px;
    z-index: 2;
    display: inline-flex;
    align-items: center;
    gap: 6px;
    min-height: 36px;
    padding: 4px 12px;
    border: 0;
    border-radius: 999px;
    background: var(--_surface);
    color: var(--_text);
    font-weight: 700;
    cursor: pointer;
    box-shadow: 0 1px 4px rgb(0 0 0 / 0.3);
  }
  .count {
    min-width: 1.5em;
    padding: 0 4px;
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_accent-text);
    text-align: center;
  }
`;
