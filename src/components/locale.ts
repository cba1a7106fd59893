import { ContextConsumer, createContext } from '@lit/context';
import type { ReactiveControllerHost } from 'lit';
import { localize } from '../descriptor/localize.js';
import type { LocalizedString } from '../descriptor/types.js';
import { translationFor, type Translation } from '../i18n/index.js';

/** The language in force and how to put words in it: the widget's own (`t`) and the descriptor's (`text`). */
export interface Locale {
  lang: string;
  t: Translation;
  text: (value: LocalizedString | undefined) => string;
}

export function makeLocale(lang: string): Locale {
  return { lang, t: translationFor(lang), text: value => localize(value, lang) };
}

/** Provided by `<cma-register-app>`, consumed by the elements inside it. */
export const localeContext = createContext<Locale>(Symbol('cma-locale'));

const english = makeLocale('en');

/**
 * The locale of the enclosing `<cma-register-app>`, kept up to date (the host re-renders when it
 * changes); English until one is provided.
 */
export function consumeLocale(host: ReactiveControllerHost & HTMLElement): { readonly value: Locale } {
  const consumer = new ContextConsumer(host, { context: localeContext, subscribe: true });
  return {
    get value() {
      return consumer.value ?? english;
    },
  };
}
