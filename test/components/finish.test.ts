import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { useScenario, worker } from '../helpers/msw.js';
import { API, button, input, mount, next, paste, q, text, until } from '../helpers/widget.js';
import type { CmaRegisterApp } from '../../src/index.js';

const KEY = '0123456789abcdef0123456789abcdef-us21';

/** The screens around a flow: the heading, the success screen and its Done, focus from the host. */
describe('<cma-register-app> finish', () => {
  beforeEach(() => useScenario('ok'));
  afterEach(() => worker.resetHandlers());

  /** A widget for MailChimp inside `wrap` (a host's markup around it), ready. */
  async function inside(wrap: (widget: unknown) => unknown) {
    const host = await fixture<HTMLElement>(html`<div>${wrap(html`<cma-register-app api-base=${API} vendor="mailchimp"></cma-register-app>`)}</div>`);
    const el = host.querySelector('cma-register-app')!;
    await until(() => el.shadowRoot?.querySelector('input[name="apiKey"]'), 'the form');
    return { host, el };
  }

  async function register(el: CmaRegisterApp) {
    await paste(el, 'apiKey', KEY);
    const registered = next(el, 'cma-registered');
    button(el, 'Authenticate').click();
    await registered;
    await el.updateComplete;
  }

  it('says what happens next once registered; the heading names the vendor, no longer a task', async () => {
    const { el } = await inside(w => w);
    expect(q(el, '#heading')!.textContent).to.equal('Authenticate MailChimp');
    await register(el);
    expect(q(el, '#heading')!.textContent).to.equal('MailChimp');
    expect(text(el)).to.contain('MailChimp is connected').and.contain('You can now use MailChimp in ConnectMyApps.');
    // on a page of its own there is nothing to close: no Done
    expect(() => button(el, 'Done')).to.throw();
  });

  it('in a dialog, Done closes it, firing only the dialog’s own close', async () => {
    const { host, el } = await inside(w => html`<dialog>${w}</dialog>`);
    const dialog = host.querySelector('dialog')!;
    dialog.showModal();
    const events: string[] = [];
    for (const type of ['cma-ready', 'cma-step', 'cma-registered', 'cma-error', 'cma-cancel']) el.addEventListener(type, () => events.push(type));
    await register(el);
    const closed = new Promise(r => dialog.addEventListener('close', r, { once: true }));
    button(el, 'Done').click();
    await closed;
    expect(dialog.open).to.equal(false);
    expect(events).to.deep.equal(['cma-registered']);
  });

  it('in a popover inside another shadow root, Done hides it', async () => {
    const host = await fixture<HTMLElement>(html`<div></div>`);
    const outer = host.attachShadow({ mode: 'open' });
    outer.innerHTML = `<div popover><cma-register-app api-base="${API}" vendor="mailchimp"></cma-register-app></div>`;
    const popover = outer.querySelector<HTMLElement>('[popover]')!;
    popover.showPopover();
    const el = outer.querySelector('cma-register-app')!;
    await until(() => el.shadowRoot?.querySelector('input[name="apiKey"]'), 'the form');
    await register(el);
    button(el, 'Done').click();
    await until(() => !popover.matches(':popover-open'), 'the popover hidden');
  });

  it('el.focus() moves focus to the first field', async () => {
    const { el } = await inside(w => w);
    el.focus();
    await until(() => el.shadowRoot!.activeElement === input(el, 'apiKey'), 'focus in the key field');
  });

  it('shows the shape of a step while it loads, hidden from screen readers, then the step', async () => {
    await useScenario('ok', 400);
    const { el } = await mount('24sevenoffice', { ready: false });
    const skeleton = await until(() => q(el, '.skeleton'), 'the skeleton');
    expect(skeleton.getAttribute('aria-hidden')).to.equal('true');
    const loading = el.getBoundingClientRect().height;
    await until(() => q(el, 'input[name="username"]'), 'the first step');
    expect(q(el, '.skeleton')).to.equal(null);
    // not a line that jumps to a form: at least half the height of the step it stands for
    expect(loading, `${loading} px while loading`).to.be.above(el.getBoundingClientRect().height / 2);
  });

  it('on a phone, the way on is a full-width row of its own', async () => {
    await setViewport({ width: 375, height: 700 });
    try {
      const { el } = await mount('mailchimp');
      const submit = button(el, 'Authenticate').getBoundingClientRect();
      const row = q(el, '.actions')!.getBoundingClientRect();
      expect(Math.round(submit.width)).to.equal(Math.round(row.width));
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
