import { expect } from '@open-wc/testing';
import { recordRequests, useScenario } from '../helpers/msw.js';
import { API, button, choose, input, mount, next, press, q, text, type } from '../helpers/widget.js';

/** Logs in on the first step and waits for the client step. */
async function logIn(el: HTMLElementTagNameMap['cma-register-app'], password = 'hunter2!') {
  await type(el, 'username', 'ola@nordlys.no');
  await type(el, 'password', password);
  await press(el, 'Get Clients', 'cma-step');
}

describe('<cma-register-app> with credentials and a lookup (24sevenoffice)', () => {
  beforeEach(() => useScenario('ok'));

  it('offers username and password fields that password managers can fill', async () => {
    const { el } = await mount('24sevenoffice');
    expect(input(el, 'username').autocomplete).to.equal('username');
    expect(input(el, 'password').autocomplete).to.equal('current-password');
    expect(input(el, 'password').type).to.equal('password');
    // both inputs sit in one <form> in one shadow root, with their labels
    const form = q<HTMLFormElement>(el, 'form')!;
    expect(form.contains(input(el, 'username')) && form.contains(input(el, 'password'))).to.equal(true);
    expect(text(el)).to.contain('Step 1 of 2');
    await expect(el).to.be.accessible();
  });

  it('gets the clients, lets the user pick one and registers it', async () => {
    const { el, events } = await mount('24sevenoffice');
    const log = recordRequests();
    await logIn(el);
    expect(events.filter(e => e.type === 'cma-step').map(e => e.detail)).to.deep.include({
      vendor: '24sevenoffice',
      attemptId: events[0].detail.attemptId,
      step: 'client',
      index: 1,
      previous: 'login',
    });
    const options = [...q<HTMLSelectElement>(el, 'select[name="clientId"]')!.options].map(o => o.textContent);
    expect(options).to.deep.equal(['Choose…', 'Nordlys AS', 'Nordlys Eiendom AS', 'Nordlys Holding AS']);
    expect(el.shadowRoot!.activeElement).to.equal(input(el, 'clientId'));
    await expect(el).to.be.accessible();

    await choose(el, 'clientId', '1002');
    const registered = next(el, 'cma-registered');
    button(el, 'Authenticate').click();
    const { detail } = await registered;
    expect(detail).to.include({ method: 'credentials', displayName: 'Nordlys Eiendom AS' });
    await log.settled();
    log.stop();
    const posts = log.api().filter(r => r.method === 'POST');
    expect(posts.map(p => p.url)).to.deep.equal([`${API}/apps/24sevenoffice/lookups/clients`, `${API}/apps/24sevenoffice/registrations`]);
    expect(JSON.parse(posts[0].body)).to.deep.equal({ values: { username: 'ola@nordlys.no', password: 'hunter2!' } });
    expect(JSON.parse(posts[1].body)).to.deep.equal({ values: { username: 'ola@nordlys.no', password: 'hunter2!', clientId: '1002' } });
    await el.updateComplete;
    expect(text(el)).to.contain('24SevenOffice is connected');
    expect(text(el)).to.contain('Connected as Nordlys Eiendom AS.');
  });

  it('asks for a client before registering', async () => {
    const { el } = await mount('24sevenoffice');
    await logIn(el);
    const error = next(el, 'cma-error');
    button(el, 'Authenticate').click();
    const { detail } = await error;
    expect(detail).to.include({ code: 'invalid_input', step: 'client', retryable: true });
    expect(detail.fields).to.deep.equal(['clientId']);
    await el.updateComplete;
    expect(text(el)).to.contain('Client is required: choose one.');
    await expect(el).to.be.accessible();
  });

  it('says what is missing when the first step is submitted empty, and focuses the first field', async () => {
    const { el } = await mount('24sevenoffice');
    const log = recordRequests();
    const error = next(el, 'cma-error');
    button(el, 'Get Clients').click();
    const { detail } = await error;
    log.stop();
    expect(detail.fields).to.deep.equal(['username', 'password']);
    expect(log.api()).to.have.length(0);
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(input(el, 'username'));
    expect(input(el, 'username').getAttribute('aria-invalid')).to.equal('true');
    expect(text(el)).to.contain('Username is required.');
    expect(q(el, '[role="alert"]')!.textContent).to.contain('Username and Password need your attention.');
    await type(el, 'username', 'ola');
    expect(input(el, 'username').hasAttribute('aria-invalid')).to.equal(false);
    // one field left: its own message says it; no summary that counts what is already fixed
    expect(q(el, '[role="alert"]')!.textContent!.trim()).to.equal('');
    expect(text(el)).to.contain('Password is required.');
    await type(el, 'password', 'secret');
    expect(q(el, '[role="alert"]')!.textContent!.trim()).to.equal('');
    expect(el.shadowRoot!.querySelector('.error')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('chooses the only client already', async () => {
    await useScenario('one-client');
    const { el } = await mount('24sevenoffice');
    await logIn(el);
    expect(q<HTMLSelectElement>(el, 'select[name="clientId"]')!.value).to.equal('1001');
    const registered = next(el, 'cma-registered');
    button(el, 'Authenticate').click();
    expect((await registered).detail.displayName).to.equal('Nordlys AS');
  });

  it('says there are no clients and how to go back when the list is empty', async () => {
    await useScenario('no-clients');
    const { el } = await mount('24sevenoffice');
    await logIn(el);
    expect(text(el)).to.contain('There is no Client to choose for this login. Go back and log in with another account');
    expect(el.shadowRoot!.activeElement?.textContent).to.contain('There is no Client to choose');
    expect(q(el, 'select')).to.equal(null);
    expect(() => button(el, 'Authenticate')).to.throw();
    await expect(el).to.be.accessible();
    const step = next(el, 'cma-step');
    button(el, 'Back').click();
    expect((await step).detail).to.include({ step: 'login', index: 0, previous: 'client' });
  });

  it('shows a clear error on the first step for wrong credentials and keeps what was typed', async () => {
    await useScenario('wrong-credentials');
    const { el } = await mount('24sevenoffice');
    await type(el, 'username', 'ola@nordlys.no');
    await type(el, 'password', 'nope');
    const error = next(el, 'cma-error');
    button(el, 'Get Clients').click();
    const { detail } = await error;
    expect(detail).to.include({ code: 'invalid_credentials', step: 'login', retryable: true });
    await el.updateComplete;
    expect(q(el, '[role="alert"]')!.textContent).to.contain('24SevenOffice did not accept this username and password');
    expect(input(el, 'username').value).to.equal('ola@nordlys.no');
    expect(input(el, 'password').value).to.equal('nope');
    expect(button(el, 'Get Clients').getAttribute('aria-disabled')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('goes back a step without losing what was typed, password included', async () => {
    const { el } = await mount('24sevenoffice');
    await logIn(el, 'sekret-pass');
    await choose(el, 'clientId', '1003');
    button(el, 'Back').click();
    await el.updateComplete;
    expect(input(el, 'username').value).to.equal('ola@nordlys.no');
    expect(input(el, 'password').value).to.equal('sekret-pass');
    const step = next(el, 'cma-step');
    button(el, 'Get Clients').click();
    await step;
    await el.updateComplete;
    expect(q<HTMLSelectElement>(el, 'select[name="clientId"]')!.value).to.equal('1003');
  });

  it('sends one lookup however often the button is clicked', async () => {
    await useScenario('ok', 300);
    const { el } = await mount('24sevenoffice');
    await type(el, 'username', 'ola');
    await type(el, 'password', 'pw');
    const log = recordRequests();
    const step = next(el, 'cma-step');
    const submit = button(el, 'Get Clients');
    submit.click();
    submit.click();
    submit.click();
    await step;
    log.stop();
    expect(log.api().filter(r => r.method === 'POST')).to.have.length(1);
  });
});
