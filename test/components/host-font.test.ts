import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { addGlobalCss, HOSTILE_CSS, overflowOf } from '../helpers/host-css.js';
import { useScenario, worker } from '../helpers/msw.js';
import { mount, q } from '../helpers/widget.js';

/**
 * The widget takes the host page's font and its text wraps inside its frame, whatever the page
 * sets around it (issue 8): `font-family: var(--cma-font-family)` inherits when the property is
 * unset, and `white-space: normal` stops a host's nowrap at the widget.
 */
describe('<cma-register-app> in a page with aggressive global CSS: font and wrapping', () => {
  let removeCss: (() => void) | undefined;
  beforeEach(() => useScenario('ok'));
  afterEach(async () => {
    removeCss?.();
    removeCss = undefined;
    worker.resetHandlers();
    await setViewport({ width: 800, height: 600 });
  });

  for (const vendor of ['mailchimp', '24sevenoffice']) {
    it(`takes the host's font by default (${vendor})`, async () => {
      removeCss = addGlobalCss(HOSTILE_CSS); // its body sets Georgia
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
    removeCss = addGlobalCss(`${HOSTILE_CSS} body { white-space: nowrap }`);
    const { el } = await mount('mailchimp');
    expect(overflowOf(el)).to.deep.equal([]);
  });
});
