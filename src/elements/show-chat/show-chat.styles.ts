import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    min-height: 0;
    background: var(--_surface);
    color: var(--_text);
    border-radius: var(--_radius);
    font-size: 0.9rem;
  }
  section {
    height: 100%;
    display: grid;
    grid-template-rows: auto auto minmax(0, 1fr) auto;
    gap: 8px;
  }
  header {
    position: relative;
    display: flex;
    align-items: center;
    gap: 8px;
  }
  h2 {
    margin: 0;
    font-size: 1rem;
    flex: 1;
  }
  .watching {
    color: var(--_muted);
    font-size: 0.8rem;
  }
  [part~='heart'] {
    border: 0;
    border-radius: 999px;
    padding: 4px 10px;
    background: var(--_surface-2);
    color: var(--_accent-ink);
    cursor: pointer;
  }
  .count {
    color: var(--_text);
  }
  /* A chat on its own: hearts rise over its header (hearts.ts; in a <live-stream>, over the video). */
  .hearts {
    position: absolute;
    inset-inline-end: 12px;
    bottom: 100%;
    pointer-events: none;
    color: var(--_accent);
    font-size: 1.4rem;
  }
  [part~='pinned'] {
    padding: 8px;
    border-radius: calc(var(--_radius) - 4px);
    background: var(--_surface-2);
    border-inline-start: 3px solid var(--_accent);
  }
  /* The newest first in the list, drawn at the bottom: the list opens scrolled to its end
     and stays there as messages come, with no scrolling by script. */
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
    overflow: hidden auto;
    display: flex;
    flex-direction: column-reverse;
    gap: 6px;
    overscroll-behavior: contain;
  }
  .empty {
    color: var(--_muted);
  }
  [part~='name'] {
    font-weight: 700;
    margin-inline-end: 6px;
  }
  [part~='badge'] {
    display: inline-block;
    margin-inline-end: 6px;
    padding: 0 6px;
    border-radius: 999px;
    font-size: 0.72rem;
    font-weight: 700;
    background: var(--_accent);
    color: var(--_accent-text);
  }
  [part~='badge'].question {
    background: var(--_surface-2);
    color: var(--_accent-ink);
  }
  .text {
    overflow-wrap: anywhere;
  }
  [part~='own'][data-state='pending'] .text {
    opacity: 0.7;
  }
  .state {
    margin-inline-start: 6px;
    color: var(--_muted);
    font-size: 0.8rem;
  }
  .failed {
    color: var(--_accent-ink);
  }
  /* The chat's small outlined buttons; the producer's tools a size smaller. */
  [part~='chip'],
  [part~='retry'],
  .link,
  .actions button,
  [part~='moderation'] button {
    margin-inline-start: 6px;
    padding: 2px 8px;
    border: 1px solid color-mix(in srgb, var(--_text) 20%, transparent);
    border-radius: 999px;
    background: transparent;
    color: inherit;
    font-size: 0.8rem;
    cursor: pointer;
  }
  .actions button,
  [part~='moderation'] button {
    margin-inline-start: 4px;
    padding: 1px 8px;
    font-size: 0.75rem;
  }
  [part~='moderation'] {
    display: grid;
    gap: 6px;
    font-size: 0.8rem;
  }
  [part~='moderation'] p {
    margin: 0;
  }
  [part~='moderation'] select,
  [part~='moderation'] input {
    font: inherit;
    margin-inline-start: 4px;
  }
  .bag {
    width: 1em;
    height: 1em;
    vertical-align: -0.125em;
  }
  [part~='product'] {
    margin-top: 6px;
    display: grid;
    grid-template-columns: 48px minmax(0, 1fr) auto;
    align-items: center;
    gap: 8px;
    padding: 6px;
    border-radius: calc(var(--_radius) - 4px);
    background: var(--_surface-2);
  }
  [part~='product'] img {
    width: 48px;
    height: 48px;
    object-fit: cover;
    border-radius: 6px;
  }
  .product-title,
  .price {
    display: block;
  }
  form {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    align-items: center;
  }
  form label:not(.ask) {
    display: contents;
  }
  input:not([type]),
  input[name='text'],
  input[name='name'] {
    flex: 1;
    /* Room to type in: past this the button wraps to the next line, not the field to nothing. */
    min-width: min(8em, 100%);
    font: inherit;
    padding: 6px 10px;
    border: 1px solid color-mix(in srgb, var(--_text) 25%, transparent);
    border-radius: 999px;
    background: var(--_surface);
    color: var(--_text);
  }
  button[type='submit'] {
    padding: 6px 14px;
    border: 0;
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_accent-text);
    font-weight: 700;
    cursor: pointer;
  }
  button[disabled] {
    opacity: 0.5;
    cursor: not-allowed;
  }
  .ask {
    font-size: 0.8rem;
    color: var(--_muted);
  }
  .wait {
    flex-basis: 100%;
    margin: 0;
    color: var(--_accent-ink);
    font-size: 0.8rem;
  }
`;
