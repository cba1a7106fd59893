import { sendKeys } from '@web/test-runner-commands';
import type { CmaRegisterApp } from '../../src/index.js';
import { until } from './widget.js';

/** The element that has focus, followed down through open shadow roots. */
export function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** How a person would name the focused element in a failure message: `button "Cancel"`, `input[name=apiKey]`, `h3#step-title`. */
export function describe(element: Element | null = focused()): string {
  if (!element) return '(nothing)';
  const tag = element.localName;
  const name = element.getAttribute('name');
  if (name) return `${tag}[name=${name}]${element instanceof HTMLInputElement && element.type === 'radio' ? `=${element.value}` : ''}`;
  const label = element.getAttribute('aria-label') ?? element.textContent!.replace(/\s+/g, ' ').trim();
  if (tag === 'button' || tag === 'a') return `${tag} "${label}"`;
  return `${tag}${element.id ? `#${element.id}` : ''}`;
}

/** Presses one key (or a combination such as `Shift+Tab`) with the real keyboard. */
export async function key(name: string) {
  if (name.includes('+')) {
    const [modifier, rest] = name.split('+');
    await sendKeys({ down: modifier });
    await sendKeys({ press: rest });
    await sendKeys({ up: modifier });
  } else {
    await sendKeys({ press: name });
  }
}

/** Types text with the real keyboard into whatever has focus. */
export const typeKeys = (text: string) => sendKeys({ type: text });

/** Waits until focus is on what `expected` describes (see `describe`), failing with where it is instead. */
export async function focusIs(expected: string | ((e: Element) => boolean), what = String(expected), ms = 8000) {
  const matches = () => {
    const now = focused();
    return !!now && (typeof expected === 'string' ? describe(now) === expected : expected(now));
  };
  try {
    await until(matches, what, ms);
  } catch {
    throw new Error(`focus should be on ${what}, but is on ${describe()}`);
  }
}

/**
 * Presses Tab (or Shift+Tab) until focus is on `expected`, failing after `max` presses; returns the
 * path focus took, so that a test can also assert the order.
 */
export async function tabTo(expected: string, { back = false, max = 25 } = {}): Promise<string[]> {
  const path: string[] = [];
  for (let i = 0; i < max; i++) {
    await key(back ? 'Shift+Tab' : 'Tab');
    path.push(describe());
    if (path[path.length - 1] === expected) return path;
  }
  throw new Error(`${back ? 'Shift+Tab' : 'Tab'} never reached ${expected} in ${max} presses: ${path.join(' → ')}`);
}

/** Places `<button>Before</button><cma-register-app>…<button>After</button>` so a test can tab in and out as on a host page. */
export function surround(el: CmaRegisterApp) {
  const before = document.createElement('button');
  before.textContent = 'Before';
  const after = document.createElement('button');
  after.textContent = 'After';
  el.before(before);
  el.after(after);
  return {
    before,
    after,
    remove() {
      before.remove();
      after.remove();
    },
  };
}

/** The focused control shows an indicator: its own outline, or that of the field's frame around it. */
export function focusIndicator(element: Element | null = focused()): { style: string; width: number } {
  if (!element) return { style: 'none', width: 0 };
  const frame = element.closest('.control') ?? element;
  const holder = (element.localName === 'button' || element.localName === 'a' ? element : frame) as Element;
  const style = getComputedStyle(holder);
  return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) || 0 };
}
