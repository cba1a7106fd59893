import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { darkTheme } from '../../stories/themes.js';
import { backgroundOf, hex, over, parseColor, ratio, textColour, type RGBA } from '../helpers/contrast.js';
import { useScenario, worker } from '../helpers/msw.js';
import { button, mount, next, paste, press, q, text, until } from '../helpers/widget.js';
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

const themes = { light: {}, dark: darkTheme } as Record<string, Record<string, string>>;

/**
 * Contrast computed from the colours Chromium renders with the theme's tokens, in the light default
 * and in the dark palette Storybook offers (the one a host page sets through `--cma-color-*`).
 */
describe('<cma-register-app> contrast', () => {
  afterEach(() => worker.resetHandlers());

  for (const [theme, tokens] of Object.entries(themes)) {
    it(`text ≥ ${TEXT}:1, input borders and the focus indicator ≥ ${UI}:1 (${theme})`, async () => {
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
