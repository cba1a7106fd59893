import { expect } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { useScenario, worker } from '../helpers/msw.js';
import { input, mount, q } from '../helpers/widget.js';

/** The focus indicator is an outline: forced colors (Windows high contrast) keep outlines and drop box-shadows. */
describe('<cma-register-app> focus indicator', () => {
  beforeEach(() => useScenario('ok'));
  afterEach(async () => {
    worker.resetHandlers();
    await emulateMedia({ forcedColors: 'none' });
  });

  for (const forced of ['none', 'active'] as const) {
    it(`outlines the focused field and button (forced colors: ${forced})`, async () => {
      await emulateMedia({ forcedColors: forced });
      const { el } = await mount('mailchimp');
      input(el, 'apiKey').focus();
      const control = getComputedStyle(q(el, '.control')!);
      expect(control.outlineStyle).to.equal('solid');
      expect(parseFloat(control.outlineWidth)).to.be.at.least(2);
      await sendKeys({ press: 'Tab' }); // from the key to its Show button, by keyboard: :focus-visible
      const focused = el.shadowRoot!.activeElement as HTMLElement;
      expect(focused.localName).to.equal('button');
      expect(getComputedStyle(focused).outlineStyle).to.equal('solid');
    });
  }
});
