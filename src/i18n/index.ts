import { languageChain } from '../descriptor/localize.js';
import { en } from './en.js';
import type { Translation } from './translation.js';

export type { Translation } from './translation.js';

/** The one place built-in strings come from. Norwegian and others register here. */
const translations: Record<string, Translation> = { en };

export function translationFor(lang: string): Translation {
  for (const candidate of languageChain(lang)) {
    // own keys only: lang="constructor" must not find Object's
    if (Object.hasOwn(translations, candidate)) return translations[candidate];
  }
  return en;
}
