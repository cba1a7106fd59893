import { localize } from '../descriptor/localize.js';
import type { LocalizedString } from '../descriptor/types.js';
import { en } from '../i18n/en.js';
import type { Translation } from '../i18n/index.js';

/** The language in force and how to put words in it: the widget's own (`t`) and the descriptor's (`text`). */
export interface Locale {
  lang: string;
  t: Translation;
  text: (value: LocalizedString | undefined) => string;
}

export function makeLocale(lang: string, t: Translation): Locale {
  return { lang, t, text: value => localize(value, lang) };
}

/** English, until the widget hands its elements another locale. */
export const english = makeLocale('en', en);
