import { html, type TemplateResult } from 'lit';
import { parseMarkup, type Inline } from '../descriptor/markup.js';

function inline(nodes: Inline[], newTab: string): (TemplateResult | string)[] {
  return nodes.map(node => {
    switch (node.type) {
      case 'text':
        return node.text;
      case 'code':
        return html`<code>${node.text}</code>`;
      case 'strong':
        return html`<strong>${inline(node.children, newTab)}</strong>`;
      case 'em':
        return html`<em>${inline(node.children, newTab)}</em>`;
      case 'link':
        return html`<a href=${node.href} target="_blank" rel="noopener noreferrer">${inline(node.children, newTab)}<span class="visually-hidden"> ${newTab}</span></a>`;
    }
  });
}

/** Descriptor markup as paragraphs of text nodes (never HTML); none (no nodes) for empty text. */
export function renderMarkup(source: string, newTab: string) {
  return parseMarkup(source).map(p => html`<p>${inline(p, newTab)}</p>`);
}
