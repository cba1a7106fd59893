/**
 * Defines the `cma-*` elements: the entry of `dist/define.js` (which takes the classes from
 * `dist/index.js`, so a bundler host has one copy and the class it imports is the one registered) and,
 * through cma-register-app.ts, of the self-contained `dist/cma-register-app.js`. Importing it twice,
 * or next to another copy of the widget, does nothing the second time.
 */
import { CmaField, CmaRegisterApp } from './index.js';

const elements = {
  'cma-register-app': CmaRegisterApp,
  'cma-field': CmaField,
};

for (const [tag, element] of Object.entries(elements)) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}

// `HTMLElementTagNameMap` is declared beside each class, so both entries' types carry it.
export * from './index.js';
