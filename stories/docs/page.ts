/**
 * How the pages under "Docs" look and how they show the manifest: guides drawn from the README's words
 * (Embedding, Events) and each element's reference straight from custom-elements.json, whose play
 * functions check that the manifest keeps what the README promises. Storybook's autodocs page of each
 * element (@storybook/addon-docs) shows the same manifest with its controls.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { elementIn, type Documented } from './manifest.js';

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

/** A table of documented items; nothing when there are none. */
function table(heading: string, columns: string[], rows: unknown[][]) {
  if (!rows.length) return nothing;
  return html`<h2>${heading}</h2>
    <table>
      <thead><tr>${columns.map(c => html`<th scope="col">${c}</th>`)}</tr></thead>
      <tbody>${rows.map(r => html`<tr>${r.map(cell => html`<td>${cell}</td>`)}</tr>`)}</tbody>
    </table>`;
}

const name = (n: string) => html`<code>${n}</code>`;
const type = (d: Documented) => (d.type?.text ? html`<code>${d.type.text}</code>` : '');
const value = (v?: string) => (v ? html`<code>${v}</code>` : '');

/** The reference of one element: every attribute, property, method, event, part and custom property the manifest lists. */
export function reference(tagName: string) {
  const el = elementIn(tagName);
  const members = (el.members ?? []).filter(m => m.privacy !== 'private' && m.privacy !== 'protected' && !m.static && !m.name.startsWith('#'));
  const attributes = el.attributes ?? [];
  const fields = members.filter(m => m.kind === 'field');
  const methods = members.filter(m => m.kind === 'method');
  return page(
    html`<code>&lt;${tagName}&gt;</code>`,
    html`${el.summary ? html`<p><strong>${md(el.summary)}</strong></p>` : nothing}
      ${(el.description ?? '').split(/\n\n+/).map(p => html`<p>${md(p)}</p>`)}
      ${table(
        'Attributes',
        ['Attribute', 'Property', 'Type', 'Default', 'Description'],
        attributes.map(a => [name(a.name), a.fieldName ? name(a.fieldName) : '', type(a), value(a.default), md(a.description)]),
      )}
      ${table(
        'Properties',
        ['Property', 'Attribute', 'Type', 'Default', 'Description'],
        fields.map(f => [name(f.name), f.attribute ? name(f.attribute) : html`(property only)`, type(f), value(f.default), md(f.description)]),
      )}
      ${table('Methods', ['Method', 'Description'], methods.map(m => [name(`${m.name}()`), md(m.description)]))}
      ${table('Events', ['Event', 'Type', 'Description'], (el.events ?? []).map(e => [name(e.name), type(e), md(e.description)]))}
      ${table('CSS parts', ['Part', 'Description'], (el.cssParts ?? []).map(p => [name(p.name), md(p.description)]))}
      ${table(
        'CSS custom properties',
        ['Property', 'Default', 'Description'],
        (el.cssProperties ?? []).map(p => [name(p.name), value(p.default), md(p.description)]),
      )}
      ${table('Slots', ['Slot', 'Description'], (el.slots ?? []).map(s => [name(s.name || '(default)'), md(s.description)]))}`,
  );
}
