import { q } from './widget.js';
import type { CmaRegisterApp } from '../../src/index.js';

/**
 * The global CSS of a page that styles everything it can reach (issue 8): a small root font size, a
 * reset that unsets buttons and strips input borders, blocks made inline, big paragraph margins,
 * focus outlines removed. Only what inherits, the host element itself and `rem` reach the shadow root.
 */
export const HOSTILE_CSS = `
  :root { font-size: 10px }
  body { font-family: Georgia, 'Times New Roman', serif }
  * { box-sizing: content-box; font-size: 20px; line-height: 1 }
  *:focus { outline: none }
  button { all: unset }
  input, select, textarea { border: 0 !important; background: transparent !important }
  div { display: inline }
  p { margin: 3em }
  a { color: inherit; text-decoration: none }
  ul, ol { list-style: none; margin: 0; padding: 0 }
`;

/** Adds a stylesheet to the page's <head>; the returned function takes it out again. */
export function addGlobalCss(cssText: string): () => void {
  const style = document.createElement('style');
  style.textContent = cssText;
  document.head.append(style);
  return () => style.remove();
}

/** What sticks out of the widget's frame, or of the viewport: one line per element. */
export function overflowOf(el: CmaRegisterApp): string[] {
  const frame = q(el, '[part="base"]')!;
  const box = frame.getBoundingClientRect();
  const name = (e: Element) => `${e.localName}${e.className ? `.${String(e.className).trim().split(/\s+/).join('.')}` : ''}`;
  const out = [...el.shadowRoot!.querySelectorAll('*')]
    .filter(e => !e.closest('.control') || e.classList.contains('control')) // an input scrolls its own text
    .filter(e => !e.closest('.visually-hidden, [popover]'))
    .filter(e => e.getBoundingClientRect().right > box.right + 0.5)
    .map(e => `${name(e)} sticks out of the widget`);
  // text wider than its line shows in the frame's scroll width
  if (frame.scrollWidth > frame.clientWidth) out.push(`text sticks out of the widget (${frame.scrollWidth} > ${frame.clientWidth} px)`);
  if (document.documentElement.scrollWidth > innerWidth) out.push(`the page scrolls sideways (${document.documentElement.scrollWidth} > ${innerWidth} px)`);
  return out;
}
