import { unsafeCSS } from 'lit';

/**
 * Our `css` tag: the widget's styles are literals with nothing interpolated, so they need none of
 * Lit's `css` checks of interpolated values (and the bundle not its error message).
 */
export const css = (strings: TemplateStringsArray) => unsafeCSS(strings[0]);

/** Tokens and helpers every element shares. Each `--cma-*` property can be set by the host page. */
export const sharedStyles = css`
  :host {
    /* light or dark as the user's system prefers; a host page fixes one with color-scheme on the element */
    color-scheme: light dark;
    --_primary: var(--cma-color-primary, light-dark(#1d4ed8, #93c5fd));
    --_on-primary: var(--cma-color-on-primary, light-dark(#fff, #111827));
    --_text: var(--cma-color-text, light-dark(#1f2937, #e5e7eb));
    --_muted: var(--cma-color-muted, light-dark(#4b5563, #9ca3af));
    --_border: var(--cma-color-border, light-dark(#889, #6b7280));
    --_surface: var(--cma-color-surface, light-dark(#fff, #111827));
    --_subtle: var(--cma-color-subtle, light-dark(#f3f4f6, #1f2937));
    --_error: var(--cma-color-error, light-dark(#b91c1c, #fca5a5));
    --_success: var(--cma-color-success, light-dark(#047857, #6ee7b7));
    --_radius: var(--cma-radius, 6px);
    --_space: var(--cma-spacing, 1rem);
    /* an outline, so that forced colors (Windows high contrast) show it too */
    --_focus: var(--cma-focus-ring, 2px solid var(--_primary));
    color: var(--_text);
    /* the host's font unless --cma-font-family names one (unset, the var() is invalid: inherited) */
    font-family: var(--cma-font-family);
    font-size: var(--cma-font-size, 1rem);
    line-height: 1.5;
    /* a host's nowrap would run the widget's text out of its frame */
    white-space: normal;
    /* a long key, URL or word in a descriptor wraps rather than widen the widget (WCAG 1.4.10) */
    overflow-wrap: anywhere;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  a {
    color: var(--_primary);
  }
  code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.9em;
    background: var(--_subtle);
    border-radius: 3px;
    padding: 0 0.25em;
  }
  p {
    margin: 0 0 0.5em;
  }
  /* every button, also a field's "More about …" and Show (field.styles.ts) */
  button {
    font: inherit;
    min-height: 2.5rem;
    min-width: 2.5rem;
    padding: 0.5em 1em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
  }
  :focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
  }
`;
