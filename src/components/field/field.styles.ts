import { css } from '../shared.styles.js';

/**
 * Styles of `<cma-field>`. The field renders into its parent's shadow root (so that its input sits
 * in the parent's `<form>`, where labels, autofill and password managers find it); the parent adopts
 * these styles.
 */
export const fieldStyles = css`
  cma-field {
    display: block;
    margin-block-end: var(--_space);
  }
  .label {
    display: inline-block;
    font-weight: 600;
    margin-block-end: 0.25em;
  }
  .label .optional {
    font-weight: 400;
    color: var(--_muted);
  }
  /* the "More about …" button: a small round one, among the widget's buttons (shared.styles.ts) */
  .info {
    /* in px: a host with a small root font size must not make it a target under 24 px (WCAG 2.5.8) */
    min-height: 24px;
    min-width: 24px;
    padding: 0;
    margin-inline-start: 0.375em;
    border-radius: 50%;
  }
  /* the help popover, in the top layer, placed by help-popover.ts */
  .help,
  .control {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .help {
    max-width: min(20rem, 90vw);
    padding: 0.5em 0.75em;
    color: var(--_text);
  }
  .help p:last-child {
    margin: 0;
  }
  .control {
    display: flex;
    overflow: hidden;
  }
  .control:focus-within {
    outline: var(--_focus);
    outline-offset: 2px;
  }
  .invalid .control {
    border-color: var(--_error);
  }
  .affix {
    display: flex;
    align-items: center;
    padding: 0 0.5em;
    background: var(--_subtle);
    color: var(--_muted);
    white-space: nowrap;
  }
  .control :is(input, textarea, select) {
    flex: 1;
    min-height: 2.5rem;
    min-width: 0;
    box-sizing: border-box;
    border: 0;
    padding: 0.5em 0.625em;
    font: inherit;
    color: inherit;
    background: transparent;
    /* the ring goes round the whole control (.control:focus-within) */
    outline: none;
  }
  .control textarea {
    resize: vertical;
    min-height: 5rem;
  }
  .control textarea.masked {
    -webkit-text-security: disc;
  }
  /* inside the frame, which clips what goes past its edge */
  .toggle:focus-visible {
    outline-offset: -4px;
  }
  .toggle {
    border: 0;
    border-inline-start: 1px solid var(--_border);
    background: var(--_subtle);
    font-size: 0.875em;
    padding: 0 0.75em;
    min-width: 4rem;
  }
  fieldset,
  legend {
    border: 0;
    margin: 0;
    padding: 0;
  }
  .choice {
    display: flex;
    gap: 0.5em;
    align-items: flex-start;
    min-height: 1.5rem;
    padding-block: 0.125em;
  }
  .choice input {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0.125em 0 0;
    accent-color: var(--_primary);
  }
  .choice .description {
    display: block;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .error {
    display: flex;
    gap: 0.375em;
    color: var(--_error);
    font-size: 0.875em;
    margin-block-start: 0.25em;
  }
  .error::before {
    content: '⚠' / '';
  }
`;
