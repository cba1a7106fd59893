/**
 * Helpers for `play` functions: they wait for what a user would see and throw when the widget
 * shows something else, so that the Storybook smoke test (test/storybook-smoke.mjs) fails.
 */
import type { CmaRegisterApp } from '../src/index.js';

const POLL_MS = 50;

const textOf = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The story's widget; throws when the tag is missing or not defined (e.g. its decorators broke). */
export function widgetIn(canvasElement: HTMLElement): CmaRegisterApp {
  const el = canvasElement.querySelector('cma-register-app');
  if (!el) throw new Error('the story rendered no <cma-register-app>');
  if (!customElements.get('cma-register-app')) throw new Error('<cma-register-app> is not defined');
  return el;
}

/** Polls `check` until it returns something, or throws `describe()` after `timeoutMs`. */
async function poll<T>(check: () => T | undefined, describe: () => string, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = check();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(describe());
    await new Promise(r => setTimeout(r, POLL_MS));
  }
}

/** The error the widget shows instead of a step (descriptor not loaded, invalid, …), if any. */
const loadFailure = (el: CmaRegisterApp) => el.shadowRoot?.querySelector('section[part="base"] > .alert') ?? null;

/** Waits until the widget shows the form of its first step; throws if it shows an error instead. */
export async function waitForFirstStep(canvasElement: HTMLElement, timeoutMs = 5000): Promise<CmaRegisterApp> {
  const el = widgetIn(canvasElement);
  await poll(
    () => {
      const failure = loadFailure(el);
      if (failure) throw new Error(`<cma-register-app> shows an error instead of its first step: "${textOf(failure)}"`);
      return el.shadowRoot?.querySelector('form[part="form"] cma-field') ?? undefined;
    },
    () => `<cma-register-app> showed no step within ${timeoutMs} ms; it shows: "${textOf(el.shadowRoot)}"`,
    timeoutMs,
  );
  return el;
}

/** Waits for the choice of ways a vendor offers, and picks the one labelled `label`. */
export async function pickWay(canvasElement: HTMLElement, label: string, timeoutMs = 5000): Promise<CmaRegisterApp> {
  const el = widgetIn(canvasElement);
  const way = await poll(
    () => [...(el.shadowRoot?.querySelectorAll<HTMLButtonElement>('.ways button') ?? [])].find(b => textOf(b) === label),
    () => `<cma-register-app> offered no way "${label}" within ${timeoutMs} ms; it shows: "${textOf(el.shadowRoot)}"`,
    timeoutMs,
  );
  way.click();
  return waitForFirstStep(canvasElement, timeoutMs);
}

/** Waits until the widget shows a load failure (no step) and returns its text. */
export async function waitForLoadFailure(canvasElement: HTMLElement, timeoutMs = 5000): Promise<string> {
  const el = widgetIn(canvasElement);
  const failure = await poll(
    () => loadFailure(el) ?? undefined,
    () => `<cma-register-app> showed no error within ${timeoutMs} ms; it shows: "${textOf(el.shadowRoot)}"`,
    timeoutMs,
  );
  return textOf(failure);
}

/** Waits until the widget's shadow DOM contains `text`. */
export async function waitForText(el: CmaRegisterApp, text: string, timeoutMs = 5000): Promise<void> {
  await poll(
    () => (textOf(el.shadowRoot).includes(text) ? true : undefined),
    () => `<cma-register-app> did not show "${text}" within ${timeoutMs} ms; it shows: "${textOf(el.shadowRoot)}"`,
    timeoutMs,
  );
}

/** Enters `value` in the field `name` as a user would (an input event; a change event for a select). */
export function fill(el: CmaRegisterApp, name: string, value: string): void {
  const input = el.shadowRoot?.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`);
  if (!input) throw new Error(`<cma-register-app> shows no field "${name}"`);
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true, composed: true }));
}

/** Clicks the current step's submit button. */
export async function submit(el: CmaRegisterApp): Promise<void> {
  await el.updateComplete;
  const button = el.shadowRoot?.querySelector<HTMLButtonElement>('button[part="submit"]');
  if (!button) throw new Error('<cma-register-app> shows no submit button');
  button.click();
}
