import type { ReactiveController, ReactiveElement } from 'lit';
import { makeLocale, type Locale } from '../components/locale.js';
import { translationFor, type Translation } from '../i18n/index.js';

/** The `lang` in force for `el`: its own, the nearest ancestor's (across shadow roots), or English. */
function langOf(el: Element): string {
  for (let node: Element | undefined = el; node; node = node.parentElement ?? (node.getRootNode() as ShadowRoot).host) {
    if ((node as HTMLElement).lang) return (node as HTMLElement).lang;
  }
  return 'en';
}

/**
 * The language of its host and the widget's strings in it: the host's `lang`, else the nearest
 * ancestor's, else the document's, followed live as any of them changes. Strings of a language
 * other than English load on demand; until they are here the host keeps the ones it had.
 *
 * @example
 * ```ts
 * #i18n = new LocaleController(this, locale => (this.locale = locale));
 * ```
 */
export class LocaleController implements ReactiveController {
  /** Settles once the strings for the language in force are here. */
  ready: Promise<unknown> = Promise.resolve();
  /** False until the first language's strings are here (English is at once). */
  settled = false;
  #lang?: string;
  #observer = new MutationObserver(() => this.update());

  constructor(
    private readonly host: ReactiveElement,
    private readonly onChange: (locale: Locale) => void,
  ) {
    host.addController(this);
  }

  hostConnected() {
    // any element's lang: the host's, an ancestor's, the document's (it is the attribute that changes)
    this.#observer.observe(document.documentElement, { attributeFilter: ['lang'], subtree: true });
    this.update();
  }

  hostDisconnected() {
    this.#observer.disconnect();
    this.#lang = undefined;
  }

  /** Looks at the language again. */
  update() {
    const lang = langOf(this.host);
    if (lang === this.#lang) return;
    this.#lang = lang;
    const use = (t: Translation) => {
      if (lang !== this.#lang) return; // a newer language came first
      this.settled = true;
      this.onChange(makeLocale(lang, t));
    };
    const t = translationFor(lang);
    this.ready = t instanceof Promise ? t.then(use) : Promise.resolve(use(t));
  }
}
