import { css } from '../shared.styles.js';

export const registerAppStyles = css`
  :host {
    display: block;
    max-width: var(--cma-max-width, 32rem);
    box-sizing: border-box;
  }
  :host([hidden]) {
    display: none;
  }
  section {
    background: var(--_surface);
    border: var(--cma-border, 1px solid var(--cma-color-border, light-dark(#d1d5db, #4b5563)));
    border-radius: calc(var(--_radius) * 2);
    padding: calc(var(--_space) * 1.25);
  }
  header {
    display: flex;
    align-items: center;
    gap: 0.75em;
    margin-block-end: var(--_space);
  }
  header img {
    width: 2.5rem;
    height: 2.5rem;
    object-fit: contain;
  }
  h2,
  h3 {
    margin: 0;
    line-height: 1.25;
  }
  h2 {
    font-size: 1.25em;
  }
  h3 {
    font-size: 1.05em;
    margin-block-end: 0.5em;
  }
  /* headings and notices take focus only to be read out; they are not controls */
  [tabindex='-1']:focus {
    outline: none;
  }
  .progress {
    color: var(--_muted);
    font-size: 0.875em;
    margin: 0 0 0.25em;
  }
  form {
    margin: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    margin-block-start: var(--_space);
  }
  .actions .primary {
    margin-inline-start: auto;
  }
  /* on a phone the way on takes a row of its own, as wide as the widget (a size container would
     collapse the widget in a page's shrink-to-fit box, such as a dialog or a flex item) */
  @media (width < 30rem) {
    .actions .primary {
      flex-basis: 100%;
    }
  }
  /* while loading: the shape of a step (a line of text, a label, a field, a button), so that the
     widget does not jump from a line to a form */
  .skeleton i {
    display: block;
    height: 1em;
    margin-block-end: 0.75em;
    background: var(--_subtle);
    border-radius: var(--_radius);
  }
  .skeleton i:nth-child(2) {
    width: 40%;
  }
  .skeleton i:nth-child(n + 3) {
    height: 2.5rem;
  }
  .primary {
    background: var(--_primary);
    border-color: var(--_primary);
    color: var(--_on-primary);
    font-weight: 600;
  }
  button[aria-disabled=true] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .alert,
  .notice {
    border-inline-start: 4px solid var(--_border);
    background: var(--_subtle);
    border-radius: var(--_radius);
    padding: 0.5em 0.75em;
    margin-block-end: var(--_space);
  }
  .alert {
    border-color: var(--_error);
    background: color-mix(in srgb, var(--_error) 8%, var(--_surface));
    margin-block-start: var(--_space);
  }
  .alert p:last-child,
  .alert ul {
    margin-block-end: 0;
  }
  .grant {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 0.75em;
    margin-block-end: var(--_space);
  }
  .grant p {
    flex-basis: 100%;
    margin: 0;
  }
  .grant code {
    font-size: 1.25em;
    letter-spacing: 0.1em;
    padding: 0.25em 0.5em;
    user-select: all;
  }
  .ways {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: 0.75em;
  }
  .ways button {
    width: 100%;
    text-align: start;
  }
  .ways p {
    color: var(--_muted);
    font-size: 0.875em;
    margin: 0.25em 0 0;
  }
  .problems {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.8125em;
    padding-inline-start: 1.25em;
  }
  .success h3 {
    color: var(--_success);
  }
  .success h3::before {
    content: '✓ ' / '';
  }
  /* the browser's placeholder grey (#757575) is 3.85:1 on a dark surface; Firefox also fades it */
  .status,
  ::placeholder {
    color: var(--_muted);
    opacity: 1;
  }
  .spinner {
    display: inline-block;
    width: 1em;
    height: 1em;
    vertical-align: -0.125em;
    margin-inline-end: 0.5em;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 3s;
    }
  }
  footer {
    margin-block-start: var(--_space);
    font-size: 0.875em;
  }
`;
