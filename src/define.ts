/**
 * Defines the `cma-*` elements. This is the entry of `dist/cma-register-app.js`; importing it twice,
 * or next to another copy of the widget, does nothing the second time.
 */
import { CmaField } from './components/field/field.js';
import { CmaRegisterApp } from './components/register-app/register-app.js';

const elements = {
  'cma-register-app': CmaRegisterApp,
  'cma-field': CmaField,
};

for (const [tag, element] of Object.entries(elements)) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}

export * from './index.js';

declare global {
  interface HTMLElementTagNameMap {
    'cma-register-app': CmaRegisterApp;
    'cma-field': CmaField;
  }
}
