import { css } from 'lit';

/**
 * The design tokens every element reads. A page themes livecart by setting the
 * `--livecart-*` custom properties on any ancestor.
 */
export const tokens = css`
  :host {
    --_accent: var(--livecart-accent, #be123c);
    --_accent-text: var(--livecart-accent-text, #fff);
    --_surface: var(--livecart-surface, #fff);
    --_surface-2: var(--livecart-surface-2, color-mix(in srgb, var(--_text) 6%, var(--_surface)));
    --_text: var(--livecart-text, #111827);
    --_muted: var(--livecart-muted, color-mix(in srgb, var(--_text) 68%, var(--_surface)));
    /* The accent as text on the surface: in dark themes lightened, so it stays readable. */
    --_accent-ink: var(--livecart-accent-ink, color-mix(in srgb, var(--_accent) var(--_ink-mix, 100%), #fff));
    --_radius: var(--livecart-radius, 12px);
    --_gap: var(--livecart-gap, 12px);
    --_font: var(--livecart-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-family: var(--_font);
    color: var(--_text);
    box-sizing: border-box;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_surface: var(--livecart-surface, #111827);
      --_text: var(--livecart-text, #f9fafb);
      --_ink-mix: 45%;
    }
  }
  /* Every element honours \`hidden\`, whatever display its own styles give it. */
  :host([hidden]) {
    display: none !important;
  }
  /* theme="light" | "dark" forces one, for this element and the livecart elements inside it. */
  :host([theme='light']) {
    --livecart-surface: #fff;
    --livecart-text: #111827;
    --_ink-mix: 100%;
    color-scheme: light;
  }
  :host([theme='dark']) {
    --livecart-surface: #111827;
    --livecart-text: #f9fafb;
    --_ink-mix: 45%;
    color-scheme: dark;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  button {
    font: inherit;
  }
  :focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
