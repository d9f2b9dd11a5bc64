import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    position: relative;
    aspect-ratio: 16 / 9;
    background: #000;
    border-radius: var(--_radius);
    overflow: hidden;
    contain: layout paint;
  }
  :host([hidden]) {
    display: none;
  }
  /* Containment would make the host the floating player's containing block. */
  :host([pip-mode='floating']) {
    contain: none;
    overflow: visible;
  }
  /* A show resumed on another page floats with no place of its own in that page. */
  :host([return-url]) {
    position: fixed;
    width: 0;
    height: 0;
    aspect-ratio: auto;
  }
  [part='frame'] {
    position: absolute;
    inset: 0;
  }
  video {
    display: block;
    width: 100%;
    height: 100%;
    object-fit: contain;
    background: #000;
  }
  .badge {
    position: absolute;
    top: 10px;
    left: 10px;
    padding: 2px 8px;
    border-radius: 4px;
    background: var(--_accent);
    color: var(--_accent-text);
    font-size: 0.75rem;
    font-weight: 700;
    letter-spacing: 0.06em;
    text-transform: uppercase;
  }
  [part~='go-live'] {
    position: absolute;
    top: 8px;
    right: 10px;
    padding: 4px 10px;
    border: 0;
    border-radius: 999px;
    background: rgb(0 0 0 / 0.7);
    color: #fff;
    cursor: pointer;
  }
  .notice {
    position: absolute;
    inset: auto 0 0;
    margin: 0;
    padding: 8px 12px;
    background: rgb(0 0 0 / 0.75);
    color: #fff;
    text-align: center;
  }
  [part~='error'] {
    position: absolute;
    inset: 0;
    display: grid;
    place-content: center;
    gap: 8px;
    padding: 16px;
    text-align: center;
    background: rgb(0 0 0 / 0.8);
    color: #fff;
  }
  [part~='error'] p,
  .notice p {
    margin: 0;
  }
  .detail {
    font-size: 0.8rem;
    opacity: 0.75;
  }
  [part~='retry'],
  [part~='replay'],
  [part~='placeholder'] button {
    justify-self: center;
    padding: 8px 18px;
    border: 0;
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_accent-text);
    font-weight: 600;
    cursor: pointer;
  }
`;

/** The floating mini player, the Document PiP placeholder. */
export const floatingStyles = css`
  .floating {
    position: fixed;
    inset: auto;
    width: min(360px, calc(100vw - 32px));
    aspect-ratio: 16 / 9;
    height: auto;
    z-index: 2147483000;
    border-radius: var(--_radius);
    overflow: hidden;
    background: #000;
    box-shadow: 0 10px 30px rgb(0 0 0 / 0.35);
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
  [part~='placeholder'] {
    position: absolute;
    inset: 0;
    display: grid;
    place-content: center;
    gap: 10px;
    text-align: center;
    color: #fff;
    background: #111827;
  }
  [part~='placeholder'] p {
    margin: 0;
  }
`;
