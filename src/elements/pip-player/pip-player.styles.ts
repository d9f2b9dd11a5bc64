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
  /* A live show has no scrubber and no clock (Chromium's phone controls draw both even for
     an Infinity duration): "Go live" is the way back to its edge. */
  video.live::-webkit-media-controls-timeline,
  video.live::-webkit-media-controls-current-time-display {
    display: none;
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

/** The Document PiP placeholder. */
export const placeholderStyles = css`
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
