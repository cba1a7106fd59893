import { html, nothing } from 'lit';
import type { Instruction } from '../../descriptor/types.js';
import type { Locale } from '../locale.js';
import { renderMarkup } from '../markup.js';

/**
 * A vendor's instructions: numbered steps of safe markup, menu paths and screenshots. Rendered in
 * the widget's own shadow root, so its parts are the widget's (`::part(instructions)`, `path`, `image`).
 * Image sources are absolute: the descriptor controller resolved them when it accepted the descriptor.
 */
export function renderInstructions(list: Instruction[] | undefined, { text, t }: Locale) {
  if (!list?.length) return nothing;
  return html`<ol part="instructions" class="instructions ${list.length === 1 ? 'single' : ''}">
    ${list.map(
      item => html`<li>
        ${renderMarkup(text(item.text), t.newTab)}
        ${item.path?.length
          ? html`<ol part="path" class="path" aria-label=${t.menuPath}>
              ${item.path.map(p => html`<li>${text(p)}</li>`)}
            </ol>`
          : nothing}
        ${item.image
          ? html`<figure>
              <img part="image" src=${item.image.src} alt=${text(item.image.alt)} loading="lazy" referrerpolicy="no-referrer" />
            </figure>`
          : nothing}
      </li>`,
    )}
  </ol>`;
}
