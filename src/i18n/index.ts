import { languageChain } from '../descriptor/localize.js';
import { en } from './en.js';
import type { Translation } from './translation.js';

export type { Translation } from './translation.js';

/**
 * The widget's languages, by lower-case tag: English in the bundle, the others loaded when a page
 * needs them (a function that resolves to the strings). A host may change strings here for its own
 * wording, or add a language; each widget reads this when it picks its language (see README,
 * Language).
 */
export const translations: { en: Translation; [lang: string]: Translation | (() => Promise<Translation>) } = {
  en,
  nb: () => import('./nb.js').then(m => m.nb),
};

/**
 * The strings for `lang`: those of the first language of its chain (`nb-NO`, `nb`, …, `en`) that
 * the widget has. A language still to load comes as a promise; one that fails to load is English.
 */
export function translationFor(lang: string): Translation | Promise<Translation> {
  // own keys only: lang="constructor" must not find Object's
  const t = translations[languageChain(lang).find(c => Object.hasOwn(translations, c))!];
  return typeof t === 'function' ? t().catch(() => en) : t;
}
