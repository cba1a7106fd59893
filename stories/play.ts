/**
 * Helpers for `play` functions: they act as a user would (type, choose, click) and wait for what a
 * user would see, throwing when the widget shows something else, so that the Storybook smoke test
 * (test/storybook-smoke.mjs) fails. They find things by their role in the widget, and words by the
 * widget's own strings in its language, so that every story plays in every language.
 */
import type { CmaRegisterApp } from '../src/index.js';
import { languageChain } from '../src/descriptor/localize.js';
import { en } from '../src/i18n/en.js';
import { nb } from '../src/i18n/nb.js';
import type { Translation } from '../src/i18n/index.js';
import type { VendorAnswer } from './mock-vendor.js';

const POLL_MS = 50;
const TIMEOUT_MS = 5000;

const textOf = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The story's widget; throws when the tag is missing or not defined (e.g. its decorators broke). */
export function widgetIn(canvasElement: HTMLElement): CmaRegisterApp {
  const el = canvasElement.querySelector('cma-register-app');
  if (!el) throw new Error('the story rendered no <cma-register-app>');
  if (!customElements.get('cma-register-app')) throw new Error('<cma-register-app> is not defined');
  return el;
}

/** The widget's built-in words in the language it shows (the story sets its `lang`). */
const languages: Record<string, Translation> = { en, nb };
export const words = (el: CmaRegisterApp): Translation =>
  languages[languageChain(el.lang || document.documentElement.lang || 'en').find(c => Object.hasOwn(languages, c))!];

const shadow = (el: CmaRegisterApp) => {
  if (!el.shadowRoot) throw new Error('<cma-register-app> has no shadow root');
  return el.shadowRoot;
};

/**
 * Waits until `find` finds something in the widget's shadow root and returns it; throws after
 * `timeoutMs`, saying what was awaited (`what`) and what the widget shows instead.
 */
export async function waitFor<T>(
  el: CmaRegisterApp,
  what: string,
  find: (root: ShadowRoot) => T | null | undefined | false,
  timeoutMs = TIMEOUT_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find(shadow(el));
    if (found !== null && found !== undefined && found !== false) return found;
    if (Date.now() > deadline) {
      throw new Error(`<cma-register-app> showed no ${what} within ${timeoutMs} ms; it shows: "${textOf(el.shadowRoot)}"`);
    }
    await new Promise(r => setTimeout(r, POLL_MS));
  }
}

/** The error the widget shows instead of a step (descriptor not loaded, invalid, …), if any. */
const loadFailure = (root: ShadowRoot) => root.querySelector('section[part="base"] > .alert');

/** Waits until the widget shows the form of its first step; throws if it shows an error instead. */
export async function waitForFirstStep(canvasElement: HTMLElement, timeoutMs = TIMEOUT_MS): Promise<CmaRegisterApp> {
  const el = widgetIn(canvasElement);
  await waitFor(
    el,
    'step',
    root => {
      const failure = loadFailure(root);
      if (failure) throw new Error(`<cma-register-app> shows an error instead of its first step: "${textOf(failure)}"`);
      return root.querySelector('form[part="form"] cma-field');
    },
    timeoutMs,
  );
  return el;
}

/** Waits for the choice of ways a vendor offers and returns its buttons, in order. */
export async function waitForWays(canvasElement: HTMLElement): Promise<HTMLButtonElement[]> {
  const el = widgetIn(canvasElement);
  return waitFor(el, 'choice of ways', root => {
    const ways = [...root.querySelectorAll<HTMLButtonElement>('.ways button')];
    return ways.length > 0 && ways;
  });
}

/** Picks the vendor's way at `index` (the labels are the descriptor's, in any language) and waits for its first step. */
export async function pickWay(canvasElement: HTMLElement, index: number): Promise<CmaRegisterApp> {
  (await waitForWays(canvasElement))[index].click();
  return waitForFirstStep(canvasElement);
}

/** Waits until the widget shows a load failure (no step) and returns its text. */
export async function waitForLoadFailure(canvasElement: HTMLElement, timeoutMs = TIMEOUT_MS): Promise<string> {
  return textOf(await waitFor(widgetIn(canvasElement), 'load error', loadFailure, timeoutMs));
}

/** Waits until the widget's shadow DOM contains `text`. */
export async function waitForText(el: CmaRegisterApp, text: string, timeoutMs = TIMEOUT_MS): Promise<void> {
  await waitFor(el, `"${text}"`, root => textOf(root).includes(text), timeoutMs);
}

/** Waits until the widget shows an error message (an alert) and returns its text. */
export async function waitForAlert(el: CmaRegisterApp, timeoutMs = TIMEOUT_MS): Promise<string> {
  return textOf(await waitFor(el, 'error message', root => root.querySelector('.alert'), timeoutMs));
}

/** Waits until the widget shows the field `name` (the step that asks for it). */
export async function waitForField(el: CmaRegisterApp, name: string, timeoutMs = TIMEOUT_MS) {
  return waitFor(el, `field "${name}"`, root => root.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`), timeoutMs);
}

/** The fields the widget marks as invalid, by name, once it marks any. */
export async function waitForInvalidFields(el: CmaRegisterApp): Promise<string[]> {
  const marked = await waitFor(el, 'invalid field', root => {
    const inputs = [...root.querySelectorAll<HTMLInputElement>('[aria-invalid="true"]')];
    return inputs.length ? inputs : undefined;
  });
  return [...new Set(marked.map(input => input.name))];
}

/** The labels of the fields the widget marks as invalid, in order, as it shows them (without "(optional)"). */
export function invalidLabels(el: CmaRegisterApp): string[] {
  const root = shadow(el);
  const names = new Set([...root.querySelectorAll<HTMLInputElement>('[aria-invalid="true"]')].map(input => input.name));
  return [...names].map(name => {
    const label = root.querySelector(`[name="${name}"]`)!.closest('cma-field')!.querySelector('.label')!.cloneNode(true) as Element;
    label.querySelector('.optional')?.remove();
    return label.textContent!.trim();
  });
}

/** Waits until the widget says the app is connected. */
export async function waitForConnected(el: CmaRegisterApp, timeoutMs = TIMEOUT_MS): Promise<string> {
  return textOf(await waitFor(el, 'success message', root => root.querySelector('.success'), timeoutMs));
}

/** Enters `value` in the text field `name` and leaves it, as a user would. */
export function fill(el: CmaRegisterApp, name: string, value: string): void {
  const input = shadow(el).querySelector<HTMLInputElement>(`[name="${name}"]`);
  if (!input) throw new Error(`<cma-register-app> shows no field "${name}"`);
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  // leaving the field commits it (a field with a suffix then shows what will be sent)
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Picks the option `value` of the select or radio group `name`. */
export function choose(el: CmaRegisterApp, name: string, value: string): void {
  const root = shadow(el);
  const radio = root.querySelector<HTMLInputElement>(`input[type="radio"][name="${name}"][value="${value}"]`);
  if (radio) return radio.click();
  const select = root.querySelector<HTMLSelectElement>(`select[name="${name}"]`);
  if (!select) throw new Error(`<cma-register-app> shows no choice "${name}"`);
  if (![...select.options].some(o => o.value === value)) {
    throw new Error(`"${name}" offers no option "${value}"; it offers ${[...select.options].map(o => `"${o.value}"`).join(', ')}`);
  }
  select.focus();
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Clicks the current step's submit button. */
export async function submit(el: CmaRegisterApp): Promise<void> {
  await el.updateComplete;
  const button = shadow(el).querySelector<HTMLButtonElement>('button[part="submit"]');
  if (!button) throw new Error('<cma-register-app> shows no submit button');
  button.click();
}

/** Waits for the button that reads `label` (one of the widget's words) and clicks it. */
export async function click(el: CmaRegisterApp, label: string, timeoutMs = TIMEOUT_MS): Promise<void> {
  const button = await waitFor(
    el,
    `"${label}" button`,
    root => [...root.querySelectorAll('button')].find(b => textOf(b) === label),
    timeoutMs,
  );
  button.click();
}

/**
 * Runs `act` (the click that opens the login window) and returns the window it opened, so that the
 * play function can use it as the user would: answer the vendor in it, or close it.
 */
export async function popupOpenedBy(act: () => Promise<void>): Promise<Window> {
  const open = window.open;
  let popup: Window | null = null;
  window.open = (...args) => (popup = open.apply(window, args));
  try {
    await act();
  } finally {
    window.open = open;
  }
  if (!popup) {
    throw new Error(
      'the browser blocked the login window: it opens popups only on a real click. Allow pop-ups for this Storybook and replay the story.',
    );
  }
  return popup;
}

/** Waits for the mock vendor's login page in `popup` (stories/mock-vendor-page/) and gives its answer. */
export async function answerAsVendor(popup: Window, answer: VendorAnswer, timeoutMs = TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (popup.closed) throw new Error('the login window closed before the vendor answered');
    const button = popup.document.querySelector<HTMLButtonElement>(`button[value="${answer}"]`);
    if (button && popup.document.readyState === 'complete') return button.click();
    if (Date.now() > deadline) throw new Error(`the login window showed no "${answer}" button within ${timeoutMs} ms (it is at ${popup.location.href})`);
    await new Promise(r => setTimeout(r, POLL_MS));
  }
}
