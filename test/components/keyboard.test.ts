import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { describe as named, focused, focusIndicator, focusIs, key, surround, tabTo, typeKeys } from '../helpers/keyboard.js';
import { logInAtVendor, serverFlows, setMock, until, useOAuthBed } from '../helpers/oauth.js';
import { input, next, q, root, text } from '../helpers/widget.js';
import type { CmaRegisterApp } from '../../src/index.js';

const KEY = '0123456789abcdef0123456789abcdef-us21';
const TOKEN = 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8s9T0';
const ORG = '987654321';

/**
 * Every shipped vendor's flow with the keyboard alone: Tab, Shift+Tab, Enter, Space, arrows and Esc
 * through the test runner's real key presses, against the mock backend on its own origins (the
 * OAuth vendors' login runs in a real popup). Each step says where focus is.
 */
describe('<cma-register-app> by keyboard alone', () => {
  const bed = useOAuthBed();
  let around: ReturnType<typeof surround> | undefined;

  afterEach(async () => {
    around?.remove();
    around = undefined;
    await emulateMedia({ forcedColors: 'none' });
  });

  /** A widget between two buttons of the host page, with focus on the one before it. */
  async function start(vendor: string) {
    const mounted = await bed.mount(vendor);
    around = surround(mounted.el);
    around.before.focus();
    return mounted;
  }

  /** The control with focus shows an outline (its own, or its field's frame), as :focus-visible gives it. */
  function expectIndicator() {
    const { style, width } = focusIndicator();
    expect(style, `the focus indicator of ${named()}`).to.equal('solid');
    expect(width, `the focus indicator of ${named()}`).to.be.at.least(2);
  }

  const registered = (el: CmaRegisterApp, ms = 15000) => next(el, 'cma-registered', ms);

  it('MailChimp: tab to the key, type it, show it with Space, submit with Enter; focus goes to the result', async () => {
    const { el, events } = await start('mailchimp');
    // the key's help comes first, from its button by the label: Enter opens it with focus in it, its
    // link is next, Esc closes it and focus comes back to the button
    expect(await tabTo('button "More about API key"')).to.deep.equal(['button "More about API key"']);
    await key('Enter');
    const help = q(el, '[popover]')!;
    await until(() => help.matches(':popover-open') && el.shadowRoot!.activeElement === help, 'the help open, with focus');
    await key('Tab');
    expect(named()).to.equal('a "About API keys (opens in a new tab)"');
    await key('Escape');
    await focusIs('button "More about API key"', 'the help button');
    expect(help.matches(':popover-open')).to.equal(false);
    expect(await tabTo('input[name=apiKey]')).to.deep.equal(['input[name=apiKey]']);
    expectIndicator();
    await typeKeys(KEY);
    await key('Tab');
    expect(named()).to.equal('button "Show API key"');
    expectIndicator();
    await key('Space');
    await el.updateComplete;
    expect(named(), 'the toggle keeps focus and says what it does now').to.equal('button "Hide API key"');
    expect(input(el, 'apiKey').type).to.equal('text');
    await key('Shift+Tab');
    expect(named()).to.equal('input[name=apiKey]');
    expect(input(el, 'apiKey').value).to.equal(KEY);

    const done = registered(el);
    await key('Enter'); // implicit submission from the field
    const { detail } = await done;
    expect(detail).to.include({ vendor: 'mailchimp', method: 'apiKey' });
    await focusIs('h3#result', 'the result');
    expect(text(el)).to.contain('MailChimp is connected');
    expect(events.filter(e => e.type === 'cma-error')).to.deep.equal([]);
  });

  it('MailChimp: Enter on Authenticate with no key moves focus to the key, which says what is missing', async () => {
    const { el } = await start('mailchimp');
    await tabTo('button "Authenticate"');
    expectIndicator();
    const error = next(el, 'cma-error');
    await key('Enter');
    expect((await error).detail).to.include({ code: 'invalid_input' });
    await focusIs('input[name=apiKey]', 'the field to fix');
    expect(input(el, 'apiKey').getAttribute('aria-invalid')).to.equal('true');
  });

  it('24SevenOffice: log in, Get Clients with Enter, pick a database with the arrow keys, Back and on, register', async () => {
    const { el } = await start('24sevenoffice');
    expect(await tabTo('input[name=username]')).to.deep.equal(['input[name=username]']);
    await typeKeys('ola@example.com');
    await key('Tab');
    expect(named()).to.equal('input[name=password]');
    await typeKeys('correct horse battery');
    expect(await tabTo('button "Get Clients"')).to.deep.equal(['button "Show Password"', 'button "Cancel"', 'button "Get Clients"']);
    expectIndicator();

    let step = next(el, 'cma-step');
    await key('Enter');
    expect((await step).detail).to.include({ step: 'client', previous: 'login' });
    await focusIs('select[name=clientId]', 'the new step’s first field');
    expectIndicator();
    const select = q<HTMLSelectElement>(el, 'select[name="clientId"]')!;
    expect(select.value).to.equal('');
    await key('ArrowDown');
    await key('ArrowDown');
    await until(() => select.value === '1002', 'the second database chosen with the arrows');
    expect(named()).to.equal('select[name=clientId]');

    // Back keeps the login; on again, the choice is kept too
    expect(await tabTo('button "Back"')).to.deep.equal(['button "Back"']);
    step = next(el, 'cma-step');
    await key('Enter');
    expect((await step).detail).to.include({ step: 'login', previous: 'client' });
    await focusIs('input[name=username]', 'the first field of the step gone back to');
    expect(input(el, 'username').value).to.equal('ola@example.com');
    await tabTo('button "Get Clients"');
    step = next(el, 'cma-step');
    await key('Space');
    await step;
    await focusIs('select[name=clientId]', 'the choice of database');
    expect(q<HTMLSelectElement>(el, 'select[name="clientId"]')!.value).to.equal('1002');

    expect(await tabTo('button "Authenticate"')).to.deep.equal(['button "Back"', 'button "Cancel"', 'button "Authenticate"']);
    const done = registered(el);
    await key('Enter');
    await done;
    await focusIs('h3#result', 'the result');
    expect(text(el)).to.contain('Nordlys Eiendom AS');
  });

  it('PowerOffice Go: type the number, Enter; focus goes to the waiting status, on to its controls, and to the result', async () => {
    const { el } = await start('poweroffice-go');
    await tabTo('input[name=orgNumber]');
    await typeKeys(ORG);
    const done = registered(el);
    await key('Enter');
    await focusIs('p#waiting', 'the waiting status');
    expect(text(el)).to.contain('Waiting for PowerOffice Go to confirm access');
    // the waiting view's controls in reading order: the code to copy, the vendor's page, Cancel
    await key('Tab');
    expect(named()).to.equal('button "Copy code"');
    expectIndicator();
    await key('Tab');
    expect(named()).to.match(/^a "Open PowerOffice Go/);
    expectIndicator();
    await key('Tab');
    expect(named()).to.equal('button "Cancel"');
    await key('Shift+Tab');
    await key('Shift+Tab');
    expect(named()).to.equal('button "Copy code"');
    await done;
    await focusIs('h3#result', 'the result');
  });

  it('PowerOffice Go: Cancel in the waiting view with Enter puts focus on Start again, and ends the flow', async () => {
    const { el, events } = await start('poweroffice-go');
    await tabTo('input[name=orgNumber]');
    await typeKeys(ORG);
    await key('Enter');
    await focusIs('p#waiting', 'the waiting status');
    await tabTo('button "Cancel"');
    const cancelled = next(el, 'cma-cancel');
    await key('Enter');
    expect((await cancelled).detail).to.include({ reason: 'user', step: 'grant' });
    await focusIs('button "Start again"', 'Start again');
    expectIndicator();
    expect(events.filter(e => e.type === 'cma-registered')).to.deep.equal([]);
  });

  it('Salesforce: the environment with the arrow keys, Enter opens the login window, focus waits on the status, then the result', async () => {
    const { el } = await start('salesforce');
    expect(await tabTo('input[name=environment]=production'), 'Tab enters the group at the checked radio').to.deep.equal([
      'button "More about Environment"',
      'input[name=environment]=production',
    ]);
    expectIndicator();
    await key('ArrowDown');
    expect(named()).to.equal('input[name=environment]=sandbox');
    await until(() => q<HTMLInputElement>(el, 'input[value="sandbox"]')!.checked, 'Sandbox checked');
    expect(await tabTo('button "Log in with Salesforce"')).to.deep.equal(['button "Cancel"', 'button "Log in with Salesforce"']);

    const done = registered(el);
    await key('Enter');
    await focusIs('p#waiting', 'the waiting status');
    expect(bed.popups.opened.length, 'Enter is a user gesture: the window opens').to.equal(1);
    expect(bed.popups.last).to.not.equal(null);
    await until(() => text(el).includes('Finish logging in to Salesforce in the window that opened'), 'the window open');
    expect(await tabTo('button "Bring the window back"')).to.deep.equal(['button "Cancel"', 'button "Bring the window back"']);
    expectIndicator();
    await logInAtVendor();
    const { detail } = await done;
    await focusIs('h3#result', 'the result');
    const flow = (await serverFlows()).find(f => f.connectionId === detail.connectionId)!;
    expect(flow.values).to.deep.equal({ environment: 'sandbox' });
  });

  it('Shopify: type the shop, Enter; Cancel in the waiting view with the keyboard puts focus on Start again and ends the flow', async function () {
    // the window's teardown below may take up to 20 s on a loaded machine: more than mocha's 10 s for the whole test
    this.timeout(40_000);
    const { el } = await start('shopify');
    await tabTo('input[name=shop]');
    await typeKeys('my-shop');
    await key('Enter');
    await focusIs('p#waiting', 'the waiting status');
    const { flowId } = await until(async () => (await serverFlows()).find(f => f.vendor === 'shopify'), 'the flow');
    expect(await tabTo('button "Cancel"')).to.deep.equal(['button "Cancel"']);
    const cancelled = next(el, 'cma-cancel');
    await key('Space');
    expect((await cancelled).detail).to.include({ reason: 'user', step: 'shop' });
    await focusIs('button "Start again"', 'Start again');
    // the widget closes it at once; a window in the middle of its cross-site navigation reports
    // closed only once the browser has torn it down, which a loaded CI machine can take seconds to do
    await until(() => bed.popups.last!.closed, 'the login window to close', 20_000);
    await until(async () => !(await serverFlows()).some(f => f.flowId === flowId), 'the flow to be deleted');
  });

  it('Shopify: logs in through the vendor’s window and ends with focus on the result', async () => {
    const { el } = await start('shopify');
    await tabTo('input[name=shop]');
    await typeKeys('my-shop');
    await tabTo('button "Log in with Shopify"');
    const done = registered(el);
    await key('Enter');
    await focusIs('p#waiting', 'the waiting status');
    await logInAtVendor();
    await done;
    await focusIs('h3#result', 'the result');
  });

  it('Zendesk: picks a way with Enter, goes Back to the choice, picks the other and registers with a token', async () => {
    const { el } = await start('zendesk');
    expect(await tabTo('button "Log in with Zendesk"')).to.deep.equal(['button "Log in with Zendesk"']);
    expectIndicator();
    let step = next(el, 'cma-step');
    await key('Enter');
    expect((await step).detail).to.include({ step: 'subdomain' });
    await focusIs('input[name=subdomain]', 'the way’s first field');
    await typeKeys('acme');

    expect(await tabTo('button "Back"')).to.deep.equal(['button "Back"']);
    await key('Enter');
    await until(() => root(el).querySelector('.ways'), 'the choice of ways');
    // the choice has no field: focus on its heading, or on its first control
    await focusIs(e => e.id === 'step-title' || named(e) === 'button "Log in with Zendesk"', 'the choice’s heading or first way');
    await tabTo('button "Use an API token"');
    step = next(el, 'cma-step');
    await key('Enter');
    expect((await step).detail).to.include({ step: 'token' });
    await focusIs('input[name=subdomain]', 'the way’s first field');
    expect(input(el, 'subdomain').value, 'the subdomain typed in the other way').to.equal('acme');
    await key('Tab');
    expect(named()).to.equal('input[name=email]');
    await typeKeys('admin@acme.example');
    await tabTo('input[name=apiToken]');
    await typeKeys(TOKEN);
    const done = registered(el);
    await key('Enter');
    expect((await done).detail).to.include({ method: 'apiKey' });
    await focusIs('h3#result', 'the result');
  });

  it('Zendesk: logs in with Zendesk through the window, all from the keyboard', async () => {
    await setMock({ oauth: { login: 'auto' } });
    const { el } = await start('zendesk');
    await tabTo('button "Log in with Zendesk"');
    await key('Enter');
    await focusIs('input[name=subdomain]', 'the way’s first field');
    await typeKeys('acme');
    const done = registered(el);
    await key('Enter');
    const { detail } = await done;
    expect(detail).to.include({ method: 'oauth2' });
    await focusIs('h3#result', 'the result');
    const flow = (await serverFlows()).find(f => f.connectionId === detail.connectionId)!;
    expect(flow.values).to.deep.equal({ subdomain: 'acme' });
  });

  describe('no keyboard trap', () => {
    for (const vendor of ['mailchimp', '24sevenoffice', 'poweroffice-go', 'salesforce', 'shopify', 'zendesk']) {
      it(`${vendor}: Tab goes through the widget and out of it, Shift+Tab back out the other side`, async () => {
        const { el } = await start(vendor);
        const forward = await tabTo('button "After"', { max: 20 });
        const inside = forward.slice(0, -1);
        expect(inside.length, 'controls inside the widget').to.be.at.least(2);
        const backward = await tabTo('button "Before"', { back: true, max: 20 });
        expect(backward.slice(0, -1), 'the same controls, in reverse').to.deep.equal([...inside].reverse());
        expect(el.matches(':focus-within')).to.equal(false);
      });
    }

    it('the waiting view lets focus out both ways', async () => {
      await start('poweroffice-go');
      await tabTo('input[name=orgNumber]');
      await typeKeys(ORG);
      await key('Enter');
      await focusIs('p#waiting', 'the waiting status');
      await tabTo('button "After"', { max: 10 });
      await tabTo('button "Before"', { back: true, max: 10 });
    });
  });

  describe('Esc', () => {
    it('in a field (no help open) keeps the value, the step and focus', async () => {
      const { el, events } = await start('shopify');
      await tabTo('input[name=shop]');
      await typeKeys('my-shop');
      await key('Escape');
      expect(named()).to.equal('input[name=shop]');
      expect(input(el, 'shop').value).to.equal('my-shop');
      expect(events.map(e => e.type)).to.deep.equal(['cma-ready', 'cma-step']);
    });

    it('in the waiting view does not give up the flow behind the user’s back', async () => {
      const { el, events } = await start('salesforce');
      await tabTo('button "Log in with Salesforce"');
      await key('Enter');
      await focusIs('p#waiting', 'the waiting status');
      await until(() => text(el).includes('in the window that opened'), 'the window open');
      await key('Escape');
      expect(named()).to.equal('p#waiting');
      expect(events.filter(e => e.type === 'cma-cancel')).to.deep.equal([]);
      expect(text(el)).to.contain('in the window that opened');
    });
  });

  for (const forced of ['none', 'active'] as const) {
    it(`every control shows where focus is as Tab reaches it (forced colors: ${forced})`, async () => {
      await emulateMedia({ forcedColors: forced });
      const seen: string[] = [];
      for (const vendor of ['mailchimp', '24sevenoffice', 'salesforce', 'shopify', 'zendesk']) {
        await start(vendor);
        for (let i = 0; i < 12; i++) {
          await key('Tab');
          if (named() === 'button "After"') break;
          expectIndicator();
          seen.push(named());
        }
        around!.remove();
        around = undefined;
      }
      expect(seen.length).to.be.at.least(20);
    });
  }
});
