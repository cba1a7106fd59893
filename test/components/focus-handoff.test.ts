import { expect } from '@open-wc/testing';
import { focusIs, key, surround, tabTo, typeKeys } from '../helpers/keyboard.js';
import { setMock, useOAuthBed } from '../helpers/oauth.js';
import { next, text, until } from '../helpers/widget.js';

/**
 * Where focus goes after the widget replaces the control that had it (found by the keyboard tests,
 * test/components/keyboard.test.ts): to the new step's first field or heading, or the way on, never
 * to the first button of the view (Back or Cancel), one Enter away from giving up.
 */
/** Focus moves within a render or two of the view change; waiting longer only slows a failure down. */
const SETTLED = 2000;

describe('<cma-register-app> focus after a view replaces the focused control', () => {
  const bed = useOAuthBed();
  let around: ReturnType<typeof surround> | undefined;
  afterEach(() => around?.remove());

  async function start(vendor: string) {
    const mounted = await bed.mount(vendor);
    around = surround(mounted.el);
    around.before.focus();
    return mounted;
  }

  // Start again is a step change (cma-step fires for the first step again): issue 8 wants focus on the
  // new step's heading or first field, as after Next and Back.
  const firstFields: Record<string, string> = {
    mailchimp: 'input[name=apiKey]',
    '24sevenoffice': 'input[name=username]',
    'poweroffice-go': 'input[name=orgNumber]',
    salesforce: 'input[name=environment]=production',
    shopify: 'input[name=shop]',
  };
  for (const [vendor, first] of Object.entries(firstFields)) {
    it(`${vendor}: after Cancel, Enter on Start again puts focus on the first step’s first field or heading`, async () => {
      const { el } = await start(vendor);
      await tabTo('button "Cancel"');
      const cancelled = next(el, 'cma-cancel');
      await key('Enter');
      await cancelled;
      await focusIs('button "Start again"', 'Start again');
      const step = next(el, 'cma-step');
      await key('Enter');
      expect((await step).detail).to.include({ index: 0, previous: null });
      await el.updateComplete;
      await focusIs(
        e => e.id === 'step-title' || e.getAttribute('name') === first.replace(/^input\[name=(\w+)\].*$/, '$1'),
        `the first step’s first field (${first}) or its heading`,
        SETTLED,
      );
    });
  }

  // After a flow failed, the step's form comes back with the error and its primary button reading
  // "Try again": focus lands on Cancel instead, one Enter away from giving up. Back on the step, focus
  // belongs on its first field or heading (issue 8), or on the way on, Try again.
  const wayOn = (field: string) => (e: Element) =>
    e.id === 'step-title' || e.getAttribute('name') === field || (e.localName === 'button' && e.textContent!.trim() === 'Try again');
  it('Salesforce: the user refuses at the vendor; focus goes back to the step or to Try again, not to Cancel', async () => {
    await setMock({ oauth: { login: 'deny' } });
    const { el } = await start('salesforce');
    await tabTo('button "Log in with Salesforce"');
    const error = next(el, 'cma-error', 8000);
    await key('Enter');
    expect((await error).detail).to.include({ code: 'access_denied' });
    await el.updateComplete;
    expect(text(el)).to.contain('You did not allow access to Salesforce');
    await focusIs(wayOn('environment'), 'Try again, the environment or the step’s heading', SETTLED);
  });

  it('PowerOffice Go: the vendor refuses the grant; focus goes back to the step or to Try again, not to Cancel', async () => {
    await setMock({ scenario: 'grant-refused' });
    const { el } = await start('poweroffice-go');
    await tabTo('input[name=orgNumber]');
    await typeKeys('987654321');
    const error = next(el, 'cma-error', 8000);
    await key('Enter');
    await focusIs('p#waiting', 'the waiting status');
    expect((await error).detail).to.include({ code: 'access_denied' });
    await until(() => text(el).includes('Try again'), 'the form back');
    await focusIs(wayOn('orgNumber'), 'Try again, the organisation number or the step’s heading', SETTLED);
  });
});
