import { css } from '../shared.styles.js';

/** Styles of the instructions (instructions.ts), adopted by the widget that renders them. */
export const instructionsStyles = css`
  .instructions {
    margin: 0 0 var(--_space);
    padding-inline-start: 1.5em;
  }
  .instructions > li {
    margin-block-end: 0.75em;
  }
  .instructions.single {
    list-style: none;
    padding: 0;
  }
  .path {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 0.25em;
    list-style: none;
    margin: 0 0 0.5em;
    padding: 0.125em 0.5em;
    background: var(--_subtle);
    border-radius: var(--_radius);
    font-weight: 600;
  }
  .path li + li::before {
    content: '›';
    margin-inline-end: 0.25em;
    color: var(--_muted);
    font-weight: 400;
  }
  .instructions figure {
    margin: 0.5em 0;
  }
  .instructions img {
    max-width: 100%;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
`;
