import { fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { CmaRegisterApp } from '../../src/index.js';

export const API = 'https://api.example.com/v1';
export const EVENT_TYPES = ['cma-ready', 'cma-step', 'cma-registered', 'cma-error', 'cma-cancel'] as const;

export interface Recorded {
  type: string;
  detail: Record<string, unknown>;
}

/** Places a widget on the page and records every event it fires. */
export async function mount(vendor: string, options: { ready?: boolean; lang?: string } = {}) {
  const events: Recorded[] = [];
  const el = document.createElement('cma-register-app');
  for (const type of EVENT_TYPES) el.addEventListener(type, e => events.push({ type, detail: (e as CustomEvent).detail }));
  el.setAttribute('api-base', API);
  if (options.lang) el.lang = options.lang;
  const ready = options.ready === false ? undefined : oneEvent(el, 'cma-ready');
  el.vendor = vendor;
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  host.append(el);
  if (ready) {
    await ready;
    await el.updateComplete;
  }
  return { el, events };
}

/** Places a widget with an inline descriptor; waits for `cma-ready` unless told to wait for `until`. */
export async function mountDescriptor(descriptor: unknown, until: 'cma-ready' | 'cma-error' = 'cma-ready') {
  const el = await fixture<CmaRegisterApp>(html`<cma-register-app api-base=${API}></cma-register-app>`);
  const event = next(el, until);
  el.descriptor = descriptor;
  const { detail } = await event;
  await el.updateComplete;
  return { el, detail };
}

export const root = (el: CmaRegisterApp) => el.shadowRoot!;
export const q = <T extends Element = HTMLElement>(el: CmaRegisterApp, selector: string) =>
  root(el).querySelector<T & HTMLElement>(selector);
export const input = (el: CmaRegisterApp, name: string) =>
  q<HTMLInputElement>(el, `[name="${name}"]`)!;

/** Types into a field with the real keyboard. */
export async function type(el: CmaRegisterApp, name: string, text: string) {
  const field = input(el, name);
  field.focus();
  field.select?.();
  await sendKeys({ type: text });
  await el.updateComplete;
}

/** Picks one of the ways a vendor offers, on the choice the widget shows first. */
export async function pickWay(el: CmaRegisterApp, label: string) {
  const way = [...root(el).querySelectorAll<HTMLButtonElement>('.ways button')].find(b => b.textContent!.trim() === label);
  if (!way) throw new Error(`no way "${label}" to pick`);
  way.click();
  await el.updateComplete;
}

/** Puts text into a field the way a paste or a password manager does: one insertion, one input event. */
export async function paste(el: CmaRegisterApp, name: string, text: string) {
  const field = input(el, name);
  field.focus();
  field.select?.();
  document.execCommand('insertText', false, text);
  await el.updateComplete;
}

export async function choose(el: CmaRegisterApp, name: string, value: string) {
  const select = q<HTMLSelectElement>(el, `select[name="${name}"]`)!;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

/** The button whose accessible name (aria-label, else its text) is `label`. */
export function button(el: CmaRegisterApp, label: string | RegExp): HTMLButtonElement {
  const buttons = [...root(el).querySelectorAll('button')];
  const name = (b: HTMLButtonElement) => b.getAttribute('aria-label') ?? b.textContent!.replace(/\s+/g, ' ').trim();
  const found = buttons.find(b => (typeof label === 'string' ? name(b) === label : label.test(name(b))));
  if (!found) throw new Error(`no button "${label}" among: ${buttons.map(name).join(', ')}`);
  return found;
}

/** Resolves with the next event of `type` (and fails the test after `ms`). */
export function next(el: CmaRegisterApp, type: string, ms = 4000): Promise<CustomEvent> {
  return Promise.race([
    oneEvent(el, type) as Promise<CustomEvent>,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no ${type} within ${ms} ms`)), ms)),
  ]);
}

/** Clicks the button named `label`, waits for the `eventType` it should cause and for the render after it. */
export async function press(el: CmaRegisterApp, label: string | RegExp, eventType: string, ms?: number): Promise<CustomEvent> {
  const event = next(el, eventType, ms);
  button(el, label).click();
  const fired = await event;
  await el.updateComplete;
  return fired;
}

/** Visible text of the widget's shadow root, spaces collapsed. */
export function text(el: CmaRegisterApp): string {
  return (root(el).textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Waits until `check` holds (polling), failing after `ms`. */
export async function until<T>(check: () => T | Promise<T>, what: string, ms = 8000): Promise<NonNullable<T>> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 50));
  }
}
