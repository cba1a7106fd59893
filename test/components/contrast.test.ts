import { expect } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { darkTheme } from '../../stories/themes.js';
import { backgroundOf, hex, over, parseColor, ratio, textColour, type RGBA } from '../helpers/contrast.js';
import { useScenario, worker } from '../helpers/msw.js';
import { button, mount, mountDescriptor, next, paste, press, q, text, until } from '../helpers/widget.js';
import type { CmaRegisterApp } from '../../src/index.js';

/** One colour pair measured on a rendered part, and the least ratio WCAG asks of it. */
interface Pair {
  where: string;
  fg: RGBA;
  bg: RGBA;
  min: number;
}

const TEXT = 4.5; // 1.4.3, text and images of text
const UI = 3; // 1.4.11, what identifies a control and its state; 2.4.11/2.4.13, the focus indicator

const themes = { light: {}, dark: darkTheme, 'dark, as the system prefers': {} } as Record<string, Record<string, string>>;

/**
 * Contrast computed from the colours Chromium renders with the theme's tokens, in the light default
 * and in the dark palette Storybook offers (the one a host page sets through `--cma-color-*`).
 */
describe('<cma-register-app> contrast', () => {
  afterEach(async () => {
    worker.resetHandlers();
    await emulateMedia({ colorScheme: 'light' });
  });

  for (const [theme, tokens] of Object.entries(themes)) {
    it(`text ≥ ${TEXT}:1, input borders and the focus indicator ≥ ${UI}:1 (${theme})`, async () => {
      // the widget's own dark palette, with no token set: it follows prefers-color-scheme
      if (theme.includes('system')) await emulateMedia({ colorScheme: 'dark' });
      const pairs: Pair[] = [];
      const themed = async (vendor: string) => {
        const { el } = await mount(vendor);
        const host = el.parentElement!;
        for (const [name, value] of Object.entries(tokens)) host.style.setProperty(name, value);
        return el;
      };
      /** The text of every element `selector` matches (at least one must). */
      const textOf = (el: CmaRegisterApp, where: string, selector: string, pseudo?: string) => {
        const found = [...el.shadowRoot!.querySelectorAll(selector)];
        expect(found.length, `${where}: ${selector}`).to.be.above(0);
        for (const e of found) pairs.push({ where, fg: textColour(e, pseudo), bg: backgroundOf(e), min: TEXT });
      };
      /** A border or outline colour of `e` against what lies outside it. */
      const edge = (where: string, e: Element, property: 'borderTopColor' | 'outlineColor') => {
        const bg = backgroundOf(e.parentElement!);
        pairs.push({ where, fg: over(parseColor(getComputedStyle(e)[property]), bg), bg, min: UI });
      };

      await useScenario('ok');
      // an API key: instructions with a menu path, help with a link, a masked key with Show, the buttons
      let el = await themed('mailchimp');
      const surface = getComputedStyle(q(el, '[part="base"]')!).backgroundColor;
      expect(surface, 'the surface').to.equal(theme === 'light' ? 'rgb(255, 255, 255)' : 'rgb(17, 24, 39)');
      textOf(el, 'heading', '#heading');
      textOf(el, 'step title', '#step-title');
      textOf(el, 'instruction text', '.instructions > li > p');
      textOf(el, 'menu path on subtle', '.path li');
      textOf(el, 'menu path separator', '.path li + li', '::before');
      textOf(el, 'label', '.label');
      textOf(el, 'help (muted)', '.help p');
      textOf(el, 'link in help', '.help a');
      textOf(el, 'placeholder', 'input[name="apiKey"]', '::placeholder');
      textOf(el, 'Show button on subtle', '.toggle');
      textOf(el, 'secondary button', '.actions button:not(.primary)');
      textOf(el, 'primary button', 'button.primary');
      textOf(el, 'footer link', 'footer a');
      const control = q(el, '.control')!;
      edge('input border', control, 'borderTopColor');
      q(el, 'input[name="apiKey"]')!.focus();
      edge('focus ring of a field', control, 'outlineColor');
      for (const label of ['Show API key', 'Cancel', 'Authenticate']) {
        await sendKeys({ press: 'Tab' }); // :focus-visible, as the keyboard gives it
        const focused = el.shadowRoot!.activeElement!;
        expect(focused.getAttribute('aria-label') ?? focused.textContent!.trim()).to.equal(label);
        edge(`focus ring of ${label}`, focused.closest('.control') ?? focused, 'outlineColor');
        if (focused.closest('.control')) {
          const bg = backgroundOf(focused.closest('.control')!.parentElement!);
          pairs.push({ where: `focus ring of ${label}`, fg: over(parseColor(getComputedStyle(focused).outlineColor), bg), bg, min: UI });
        }
      }

      // submitted empty: the summary, each field's message and its border in the error colour
      el = await themed('24sevenoffice');
      await press(el, 'Get Clients', 'cma-error');
      textOf(el, 'step count (muted)', '.progress');
      textOf(el, 'error summary', '.alert p');
      textOf(el, 'field error', '.error');
      edge('border of an invalid input', q(el, '.invalid .control')!, 'borderTopColor');

      // a suffix shown beside the input, and code in the instructions
      el = await themed('shopify');
      textOf(el, 'suffix on subtle', '.affix');
      textOf(el, 'code on subtle', '.instructions code');

      // radios with descriptions
      el = await themed('salesforce');
      textOf(el, 'radio label', '.choice > span');
      textOf(el, 'radio description (muted)', '.choice .description');

      // the choice of ways
      el = await themed('zendesk');
      textOf(el, 'way button', '.ways button');
      textOf(el, 'way description (muted)', '.ways p');

      // a lookup that found nothing: the notice
      await useScenario('no-clients');
      el = await themed('24sevenoffice');
      await paste(el, 'username', 'ola');
      await paste(el, 'password', 'secret password');
      await press(el, 'Get Clients', 'cma-step');
      textOf(el, 'notice on subtle', '.notice');

      // waiting for a grant: the status, the code to enter, the link, the time left
      await useScenario('ok');
      el = await themed('poweroffice-go');
      await paste(el, 'orgNumber', '987654321');
      button(el, 'I have granted access').click();
      await until(() => q(el, '#user-code'), 'the waiting view');
      textOf(el, 'waiting status (muted)', '#waiting');
      textOf(el, 'user code on subtle', '#user-code');
      textOf(el, 'link to the vendor', '#waiting ~ p a');
      textOf(el, 'time left (muted)', '.progress');
      textOf(el, 'Copy code button', '.grant button');
      await press(el, 'Cancel', 'cma-cancel');
      textOf(el, 'cancelled status (muted)', '.status');

      // registered
      el = await themed('mailchimp');
      await paste(el, 'apiKey', '0123456789abcdef0123456789abcdef-us21');
      const registered = next(el, 'cma-registered');
      button(el, 'Authenticate').click();
      await registered;
      await el.updateComplete;
      textOf(el, 'success heading', '#result');
      textOf(el, 'connected as', '.success p');
      expect(text(el)).to.contain('is connected');

      const rows = pairs.map(p => ({ ...p, ratio: ratio(p.fg, p.bg) }));
      // one line per part, the lowest ratio of its elements, for the record
      const lowest = new Map<string, (typeof rows)[number]>();
      for (const r of rows) if (!lowest.has(r.where) || r.ratio < lowest.get(r.where)!.ratio) lowest.set(r.where, r);
      console.log(
        `contrast (${theme}):\n` +
          [...lowest.values()].map(r => `  ${r.ratio.toFixed(2).padStart(5)}:1 ≥ ${r.min}  ${r.where} (${hex(r.fg)} on ${hex(r.bg)})`).join('\n'),
      );
      const failing = [...lowest.values()].filter(r => r.ratio < r.min);
      expect(
        failing.map(r => `${r.where}: ${hex(r.fg)} on ${hex(r.bg)} is ${r.ratio.toFixed(2)}:1, needs ${r.min}:1`),
      ).to.deep.equal([]);
    });
  }
});

/** The box a pointer can hit to operate `control`: a radio or checkbox is operated through its whole label. */
function targetBox(control: Element): DOMRect {
  const label = control.closest('label');
  return (label && (control as HTMLInputElement).type !== undefined ? label : control).getBoundingClientRect();
}

/** Whether a link is inline in a sentence (2.5.8's "Inline" exception): its paragraph has other text. */
function inlineInText(control: Element): boolean {
  const block = control.parentElement?.closest('p, li, div');
  return control.localName === 'a' && !!block && block.textContent!.trim().length > control.textContent!.trim().length;
}

/** Distance from a point to the nearest point of a box. */
const distance = (x: number, y: number, r: DOMRect) =>
  Math.hypot(Math.max(r.left - x, 0, x - r.right), Math.max(r.top - y, 0, y - r.bottom));

describe('<cma-register-app> targets and reflow', () => {
  afterEach(async () => {
    worker.resetHandlers();
    await setViewport({ width: 800, height: 600 });
  });

  /** Every control in the widget: at least 24×24 px, or inline in text, or with 24 px around it free of others (2.5.8). */
  function undersized(el: CmaRegisterApp, state: string): string[] {
    const controls = [...el.shadowRoot!.querySelectorAll('button, a[href], input, select, textarea')].filter(
      c => c.getBoundingClientRect().width > 0 && !c.closest('.visually-hidden'),
    );
    const boxes = controls.map(targetBox);
    return controls.flatMap((c, i) => {
      const box = boxes[i];
      if ((box.width >= 24 && box.height >= 24) || inlineInText(c)) return [];
      const [x, y] = [box.left + box.width / 2, box.top + box.height / 2];
      const crowded = boxes.some((other, j) => j !== i && other !== box && distance(x, y, other) < 12);
      return crowded ? [`${state}: ${c.localName} "${c.textContent!.trim() || c.getAttribute('name')}" is ${box.width.toFixed(0)}×${box.height.toFixed(0)} px`] : [];
    });
  }

  it('every button, link and field is a target of at least 24×24 px (or spaced as 2.5.8 allows), in every state', async () => {
    const small: string[] = [];
    let checked = 0;
    const check = (el: CmaRegisterApp, state: string) => {
      checked += el.shadowRoot!.querySelectorAll('button, a[href], input, select, textarea').length;
      small.push(...undersized(el, state));
    };
    await useScenario('ok');
    for (const vendor of ['mailchimp', '24sevenoffice', 'poweroffice-go', 'salesforce', 'shopify', 'zendesk']) {
      const { el } = await mount(vendor);
      check(el, `${vendor}, first step`);
    }
    let { el } = await mount('24sevenoffice');
    await press(el, 'Get Clients', 'cma-error');
    check(el, '24sevenoffice, errors');
    await paste(el, 'username', 'ola');
    await paste(el, 'password', 'secret password');
    await press(el, 'Get Clients', 'cma-step');
    check(el, '24sevenoffice, clients');
    ({ el } = await mount('zendesk'));
    await press(el, 'Use an API token', 'cma-step');
    check(el, 'zendesk, token');
    ({ el } = await mount('poweroffice-go'));
    await paste(el, 'orgNumber', '987654321');
    button(el, 'I have granted access').click();
    await until(() => q(el, '#user-code'), 'the waiting view');
    check(el, 'poweroffice-go, waiting');
    await press(el, 'Cancel', 'cma-cancel');
    check(el, 'cancelled');
    expect(checked).to.be.above(40);
    expect(small).to.deep.equal([]);
  });

  const LONG = 'x'.repeat(40) + 'AVeryLongUnbrokenStringWithNoSpacesAtAll'.repeat(6);

  it('at 320 px wide nothing needs scrolling sideways, even with a long unbroken string in the instructions (1.4.10)', async () => {
    await setViewport({ width: 320, height: 640 });
    await useScenario('ok');
    const { el } = await mountDescriptor({
      schemaVersion: 1,
      id: 'longwords',
      name: 'Long Words',
      method: 'apiKey',
      helpUrl: 'https://example.com/help',
      steps: [
        {
          id: 'key',
          title: `Paste ${LONG}`,
          instructions: [
            { text: `Open ${LONG} and copy \`${LONG}\`, see [${LONG}](https://example.com/${LONG}).`, path: ['Account', LONG, 'Keys'] },
            { text: 'Then paste it below.' },
          ],
          fields: [
            { name: 'key', type: 'secret', label: `Key ${LONG}`, help: `From ${LONG}`, placeholder: LONG, suffix: '.example.com', required: true },
            { name: 'kind', type: 'radio', label: 'Kind', options: [{ value: 'a', label: LONG }, { value: 'b', label: 'B' }] },
          ],
          submit: { kind: 'register', label: 'Connect' },
        },
      ],
    });
    const overflowing = (root: ParentNode, frame: DOMRect) =>
      [...root.querySelectorAll('*')]
        .filter(e => !e.closest('.control') || e.classList.contains('control'))
        .filter(e => !e.closest('.visually-hidden'))
        .filter(e => e.getBoundingClientRect().right > frame.right + 0.5)
        .map(e => `${e.localName}${e.className ? `.${String(e.className).trim().split(/\s+/).join('.')}` : ''}`);
    const frame = q(el, '[part="base"]')!;
    const base = frame.getBoundingClientRect();
    expect(base.right, 'the widget fits the viewport').to.be.at.most(320);
    expect(overflowing(el.shadowRoot!, base), 'parts that stick out of the widget').to.deep.equal([]);
    // text that overflows its box (a word too long for its line) shows in the frame's scroll width
    expect(frame.scrollWidth, 'text that sticks out of the widget').to.be.at.most(frame.clientWidth);
    expect(text(el)).to.contain(LONG);
    expect(document.documentElement.scrollWidth, 'the page scrolls sideways').to.be.at.most(320);

    for (const vendor of ['mailchimp', '24sevenoffice', 'poweroffice-go', 'salesforce', 'shopify', 'zendesk']) {
      const { el: widget } = await mount(vendor);
      const frame = q(widget, '[part="base"]')!.getBoundingClientRect();
      expect(overflowing(widget.shadowRoot!, frame), `${vendor}: parts that stick out of the widget`).to.deep.equal([]);
      const box = q(widget, '[part="base"]')!;
      expect(box.scrollWidth, `${vendor}: text that sticks out of the widget`).to.be.at.most(box.clientWidth);
    }
    expect(document.documentElement.scrollWidth, 'the page scrolls sideways').to.be.at.most(320);
  });
});
