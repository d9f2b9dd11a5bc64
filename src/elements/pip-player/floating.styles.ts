import { css } from 'lit';

/** The floating mini player (adopted by the player the first time it floats). */
export const floatingStyles = css`
  .floating {
    position: fixed;
    inset: auto;
    /* A third of a phone's width (it docks clear of the page's actions), 360 px on a desktop. */
    width: clamp(168px, 45vw, 360px);
    aspect-ratio: 16 / 9;
    height: auto;
    z-index: 2147483000;
    border-radius: var(--_radius);
    overflow: hidden;
    background: #000;
    box-shadow: 0 10px 30px rgb(0 0 0 / 0.35);
  }
  .floating.small {
    width: clamp(128px, 30vw, 200px);
  }
  .floating.bottom-right {
    right: 16px;
    bottom: 16px;
  }
  .floating.bottom-left {
    left: 16px;
    bottom: 16px;
  }
  .floating.top-right {
    right: 16px;
    top: 16px;
  }
  .floating.top-left {
    left: 16px;
    top: 16px;
  }
  .floating:not(.dragging) {
    transition: transform 150ms ease-out;
  }
  @media (prefers-reduced-motion: reduce) {
    .floating:not(.dragging) {
      transition: none;
    }
  }
  [part~='float-controls'] {
    position: absolute;
    top: 6px;
    right: 6px;
    display: flex;
    gap: 4px;
    align-items: center;
  }
  [part~='float-controls'] button,
  [part~='float-controls'] a {
    min-width: 32px;
    height: 32px;
    padding: 0 8px;
    display: grid;
    place-items: center;
    border: 0;
    border-radius: 999px;
    background: rgb(0 0 0 / 0.7);
    color: #fff;
    font-size: 0.85rem;
    text-decoration: none;
    cursor: pointer;
  }
  [part~='float-handle'] {
    cursor: grab;
    touch-action: none;
  }
  .floating [part~='badge'] {
    top: 12px;
  }
`;
