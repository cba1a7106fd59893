import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { vendors } from '../../mocks/handlers.js';
import { backgroundOf, over, parseColor, ratio } from '../helpers/contrast.js';
import { useScenario, worker } from '../helpers/msw.js';
import { addGlobalCss, HOSTILE_CSS, overflowOf } from '../helpers/host-css.js';
import { button, choose, mount, next, paste, press, q, text } from '../helpers/widget.js';
import type { CmaRegisterApp } from '../../src/index.js';

describe('<cma-register-app> in a page with aggressive global CSS', () => {
  let removeCss: (() => void) | undefined;
  beforeEach(async () => {
    await useScenario('ok');
    removeCss = addGlobalCss(HOSTILE_CSS);
  });
  afterEach(() => {
    removeCss?.();
    worker.resetHandlers();
  });

  /** Every check of what a user sees that the hostile CSS could break, on the step shown. */
  function looksRight(el: CmaRegisterApp, state: string) {
    // within its max width (the host's 10px root makes 32rem 320px), nothing past its frame or the viewport
    const maxWidth = parseFloat(getComputedStyle(el).maxWidth);
    expect(maxWidth, `${state}: the widget's max width`).to.be.above(0);
    expect(el.getBoundingClientRect().width, `${state}: the widget's width`).to.be.at.most(maxWidth + 0.5);
    expect(overflowOf(el), state).to.deep.equal([]);

    // inputs keep a border a user can see: at least 1px, 3:1 against what is around it (1.4.11)
    const controls = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.control')];
    expect(controls.length, `${state}: inputs`).to.be.above(0);
    for (const control of controls) {
      const style = getComputedStyle(control);
      const where = `${state}: the border of ${control.querySelector('input, select, textarea')?.getAttribute('name')}`;
      expect(style.borderTopStyle, where).to.equal('solid');
      expect(parseFloat(style.borderTopWidth), where).to.be.at.least(1);
      const bg = backgroundOf(control.parentElement!);
      expect(ratio(over(parseColor(style.borderTopColor), bg), bg), where).to.be.at.least(3);
      expect(control.getBoundingClientRect().height, `${where}: height`).to.be.at.least(24);
    }

    // buttons keep their padding, border and size
    const buttons = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.actions button')];
    expect(buttons.length, `${state}: buttons`).to.be.above(0);
    for (const b of buttons) {
      const style = getComputedStyle(b);
      const where = `${state}: the button "${b.textContent!.trim()}"`;
      expect(parseFloat(style.paddingLeft), `${where}: padding`).to.be.at.least(8);
      expect(parseFloat(style.borderTopWidth), `${where}: border`).to.be.at.least(1);
      expect(style.borderTopStyle, `${where}: border`).to.equal('solid');
      const box = b.getBoundingClientRect();
      expect(Math.min(box.width, box.height), `${where}: size`).to.be.at.least(24);
    }
  }

  /** Tabs through the step; every stop shows a solid outline of 2px or more, 3:1 against the surface (2.4.7, 2.4.13). */
  async function focusRingsShow(el: CmaRegisterApp, stops: number) {
    q<HTMLInputElement>(el, 'input:not([type=hidden])')!.focus();
    for (let i = 0; i < stops; i++) {
      const focused = el.shadowRoot!.activeElement as HTMLElement;
      const ringed = focused.closest<HTMLElement>('.control') ?? focused;
      const style = getComputedStyle(ringed);
      const where = `the focus ring of ${focused.getAttribute('name') ?? focused.textContent!.trim()}`;
      expect(style.outlineStyle, where).to.equal('solid');
      expect(parseFloat(style.outlineWidth), where).to.be.at.least(2);
      const bg = backgroundOf(ringed.parentElement!);
      expect(ratio(over(parseColor(style.outlineColor), bg), bg), where).to.be.at.least(3);
      await sendKeys({ press: 'Tab' }); // by keyboard: :focus-visible
    }
  }

  it('MailChimp: borders, padding, focus rings, no overflow, and the flow completes', async () => {
    const { el } = await mount('mailchimp');
    // the hostile CSS reached the page: its buttons are unset, its paragraphs pushed apart
    const probe = document.createElement('button');
    document.body.append(probe);
    expect(getComputedStyle(probe).paddingLeft, 'the hostile CSS is in force').to.equal('0px');
    probe.remove();

    looksRight(el, 'API key step');
    await focusRingsShow(el, 4); // key, Show, Cancel, Authenticate
    await paste(el, 'apiKey', '0123456789abcdef0123456789abcdef-us21');
    const registered = next(el, 'cma-registered');
    button(el, 'Authenticate').click();
    await registered;
    await el.updateComplete;
    expect(text(el)).to.contain('MailChimp is connected');
    expect(overflowOf(el), 'connected').to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  // the widget's font is the page's unless --cma-font-family names one: the hostile sheet's body sets Georgia
  for (const vendor of ['mailchimp', '24sevenoffice']) {
    it(`takes the host's font by default (${vendor})`, async () => {
      const { el } = await mount(vendor);
      const hostFont = getComputedStyle(document.body).fontFamily;
      expect(hostFont).to.contain('Georgia');
      for (const selector of ['#heading', '.label', 'input:not([type=hidden])', 'button.primary']) {
        expect(getComputedStyle(q(el, selector)!).fontFamily, `the font of ${selector}`).to.equal(hostFont);
      }
    });
  }

  it('wraps its text inside a host whose text does not wrap (white-space: nowrap inherited)', async () => {
    await setViewport({ width: 320, height: 640 });
    const removeNowrap = addGlobalCss('body { white-space: nowrap }');
    try {
      const { el } = await mount('mailchimp');
      expect(overflowOf(el)).to.deep.equal([]);
    } finally {
      removeNowrap();
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('takes the font the host names in --cma-font-family', async () => {
    const { el } = await mount('mailchimp');
    el.style.setProperty('--cma-font-family', 'Courier New, monospace');
    for (const selector of ['#heading', '.label', 'input:not([type=hidden])', 'button.primary']) {
      expect(getComputedStyle(q(el, selector)!).fontFamily, `the font of ${selector}`).to.equal('"Courier New", monospace');
    }
  });

  it('24SevenOffice: a login, a lookup and a choice of client still look right and complete', async () => {
    const { el } = await mount('24sevenoffice');
    looksRight(el, 'login step');
    await focusRingsShow(el, 3); // username, password, Show
    // submitted empty: the errors fit too
    await press(el, 'Get Clients', 'cma-error');
    looksRight(el, 'login step with errors');
    await paste(el, 'username', 'ola@nordlys.no');
    await paste(el, 'password', 'hunter2!');
    await press(el, 'Get Clients', 'cma-step');
    looksRight(el, 'client step');
    await choose(el, 'clientId', '1002');
    const registered = next(el, 'cma-registered');
    button(el, 'Authenticate').click();
    expect((await registered).detail.displayName).to.equal('Nordlys Eiendom AS');
    await el.updateComplete;
    expect(text(el)).to.contain('24SevenOffice is connected');
    expect(overflowOf(el), 'connected').to.deep.equal([]);
    await expect(el).to.be.accessible();
  });
});

/**
 * WCAG 1.4.10 at 200 % zoom: a 1280 px window zoomed to 200 % lays the page out in 640 CSS px, each
 * drawn with 2 device pixels, which is what the viewport below is. Then the same 640 px with the
 * page's root font at 200 % (text zoom on top, the stricter case: every rem doubles).
 */
describe('<cma-register-app> reflow at 200 % zoom', () => {
  let removeCss: (() => void) | undefined;
  beforeEach(() => useScenario('ok'));
  afterEach(async () => {
    removeCss?.();
    removeCss = undefined;
    worker.resetHandlers();
    await setViewport({ width: 800, height: 600, deviceScaleFactor: 1 });
  });

  it('every vendor’s first step fits 640 CSS px at a device scale of 2', async () => {
    await setViewport({ width: 640, height: 400, deviceScaleFactor: 2 });
    expect(devicePixelRatio).to.equal(2);
    const problems: string[] = [];
    for (const vendor of vendors) {
      const { el } = await mount(vendor);
      problems.push(...overflowOf(el).map(p => `${vendor}: ${p}`));
      el.remove();
    }
    expect(problems).to.deep.equal([]);
  });

  it('every vendor’s first step fits 640 px with the root font at 200 %', async () => {
    await setViewport({ width: 640, height: 400 });
    removeCss = addGlobalCss(':root { font-size: 200% }');
    const problems: string[] = [];
    for (const vendor of vendors) {
      const { el } = await mount(vendor);
      expect(parseFloat(getComputedStyle(q(el, '[part="base"]')!).fontSize), `${vendor}: the text is doubled`).to.equal(32);
      problems.push(...overflowOf(el).map(p => `${vendor}: ${p}`));
      el.remove();
    }
    expect(problems).to.deep.equal([]);
  });
});
