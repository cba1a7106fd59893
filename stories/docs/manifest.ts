import { getCustomElements } from '@storybook/web-components-vite';

/**
 * The parts of custom-elements.json (Custom Elements Manifest 2.x, written by `cem analyze` from the
 * JSDoc in src/) that the reference pages show, and a way to find an element's declaration in it.
 */
export interface Documented {
  name: string;
  description?: string;
  summary?: string;
  type?: { text: string };
  default?: string;
}

export interface Member extends Documented {
  kind: string;
  privacy?: string;
  static?: boolean;
  attribute?: string;
  parameters?: Documented[];
  inheritedFrom?: unknown;
}

export interface Declaration extends Documented {
  kind: string;
  tagName?: string;
  customElement?: boolean;
  attributes?: (Documented & { fieldName?: string })[];
  members?: Member[];
  events?: Documented[];
  cssParts?: Documented[];
  cssProperties?: Documented[];
  slots?: Documented[];
}

export interface Manifest {
  schemaVersion: string;
  modules: { kind: string; path: string; declarations?: Declaration[] }[];
}

/** The manifest .storybook/preview.ts gave Storybook, the one its Controls panel reads. */
export const manifest = (): Manifest => getCustomElements();

/** The declaration of the custom element `tagName`; throws when the manifest lacks it (a stale or missing build). */
export function elementIn(tagName: string): Declaration {
  const found = manifest().modules.flatMap(m => m.declarations ?? []).find(d => d.customElement && d.tagName === tagName);
  if (!found) throw new Error(`custom-elements.json has no <${tagName}>: run \`npx cem analyze\``);
  return found;
}
