import { html, LitElement, nothing, type PropertyDeclarations } from 'lit';
import type { Instruction } from '../../descriptor/types.js';
import { english, type Locale } from '../locale.js';
import { renderMarkup } from '../markup.js';
import { sharedStyles } from '../shared.styles.js';
import { instructionsStyles } from './instructions.styles.js';

/**
 * A vendor's instructions: numbered steps of safe markup, menu paths and screenshots.
 *
 * @csspart instructions - the list of instructions
 * @csspart path - a menu path (Account › Extras › API keys)
 * @csspart image - a screenshot
 *
 * @tagname cma-instructions
 */
export class CmaInstructions extends LitElement {
  static override styles = [sharedStyles, instructionsStyles];

  static override properties: PropertyDeclarations = {
    locale: { attribute: false },
    instructions: { attribute: false },
    baseUrl: { attribute: false },
  };

  /** The language in force, handed down by `<cma-register-app>`. */
  locale: Locale = english;

  /** The instructions to show, in order. */
  instructions: Instruction[] = [];

  /** URL that relative image sources resolve against (the descriptor's URL). */
  baseUrl = document.baseURI;

  override render() {
    const { text, t } = this.locale;
    const list = this.instructions;
    if (!list.length) return nothing;
    return html`<ol part="instructions" class="steps ${list.length === 1 ? 'single' : ''}">
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
                <img part="image" src=${new URL(item.image.src, this.baseUrl).href} alt=${text(item.image.alt)} loading="lazy" />
              </figure>`
            : nothing}
        </li>`,
      )}
    </ol>`;
  }
}
