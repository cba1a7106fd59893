/**
 * How the guides under "Docs" look (Embedding, Events: the README's words, shorter). Each element's
 * reference is its autodocs page, from custom-elements.json; test/storybook-smoke.mjs checks that it
 * lists what the README promises.
 */
import { html, type TemplateResult } from 'lit';

/** Text with `code` spans, as the JSDoc and README write it. */
export const md = (text = '') => text.split('`').map((part, i) => (i % 2 ? html`<code>${part}</code>` : part));

/** A code sample. */
export const code = (text: string) => html`<pre tabindex="0"><code>${text.trim()}</code></pre>`;

// colours come from the wrapper (the toolbar's theme); links and code take the widget's tokens
const styles = html`<style>
  .cma-docs { max-width: 56rem; font: 15px/1.55 system-ui, sans-serif; }
  .cma-docs h1 { font-size: 1.75rem; margin: 0 0 0.5rem; }
  .cma-docs h2 { font-size: 1.25rem; margin: 2rem 0 0.5rem; }
  .cma-docs h3 { font-size: 1.05rem; margin: 1.5rem 0 0.25rem; }
  .cma-docs a { color: var(--cma-color-primary, #1d4ed8); }
  .cma-docs code { font: 0.9em ui-monospace, Menlo, Consolas, monospace; }
  .cma-docs pre { background: var(--cma-color-subtle, #f3f4f6); padding: 0.75rem; border-radius: 6px; overflow: auto; }
  .cma-docs table { border-collapse: collapse; width: 100%; margin-block-end: 1rem; }
  .cma-docs th, .cma-docs td { text-align: start; vertical-align: top; padding: 0.375rem 0.5rem; border-bottom: 1px solid var(--cma-color-border, #9ca3af); }
  .cma-docs td:first-child code { white-space: nowrap; }
</style>`;

/** A Docs page: its heading and content. */
export const page = (title: string | TemplateResult, content: unknown) =>
  html`${styles}<article class="cma-docs"><h1>${title}</h1>${content}</article>`;
