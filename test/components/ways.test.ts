import { expect } from '@open-wc/testing';
import { recordRequests, useScenario, worker } from '../helpers/msw.js';
import { button, input, mount, next, paste, pickWay, press, q, root, text, until } from '../helpers/widget.js';

const TOKEN = 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8s9T0';

/** A vendor that offers several ways to connect (Zendesk: log in with Zendesk, or an API token). */
describe('<cma-register-app> with a choice of ways', () => {
  beforeEach(() => useScenario('ok'));
  afterEach(() => worker.resetHandlers());

  const ways = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.ways button')];

  it('asks first how to connect, each way with what it is for, and says so to the host', async () => {
    const { el, events } = await mount('zendesk');
    expect(q(el, '#step-title')!.textContent).to.equal('How do you want to connect Zendesk?');
    expect(ways(el).map(b => b.textContent!.trim())).to.deep.equal(['Log in with Zendesk', 'Use an API token']);
    // each description is the button's description, not part of its name
    const described = ways(el).map(b => root(el).getElementById(b.getAttribute('aria-describedby')!)!.textContent);
    expect(described[0]).to.contain('Recommended');
    expect(described[1]).to.contain('Admin Center');
    expect(q(el, 'form')).to.equal(null);
    // ready with the first way's method until one is picked; no step is current yet
    expect(events.map(e => e.type)).to.deep.equal(['cma-ready']);
    expect(events[0].detail).to.include({ vendor: 'zendesk', method: 'oauth2' });
    await expect(el).to.be.accessible();
  });

  it('an API token: the way\'s own step, its values with the hidden marker sent, and registered with its method', async () => {
    const { el, events } = await mount('zendesk');
    const log = recordRequests();
    const step = next(el, 'cma-step');
    await pickWay(el, 'Use an API token');
    expect((await step).detail).to.include({ step: 'token', index: 0, previous: null });
    await until(() => root(el).activeElement === input(el, 'subdomain'), 'focus on the first field');
    expect(q(el, '.instructions')!.textContent).to.contain('Token access');
    expect(q(el, '[name="auth"]'), 'a hidden field has no control').to.equal(null);
    await paste(el, 'subdomain', 'https://acme.zendesk.com/agent/');
    await paste(el, 'email', 'admin@acme.example');
    await paste(el, 'apiToken', TOKEN);
    const { detail } = await press(el, 'Connect Zendesk', 'cma-registered');
    expect(detail).to.include({ vendor: 'zendesk', method: 'apiKey' });
    await log.settled();
    log.stop();
    const post = log.api().find(r => r.method === 'POST')!;
    expect(new URL(post.url).pathname).to.equal('/v1/apps/zendesk/registrations');
    expect(JSON.parse(post.body)).to.deep.equal({
      values: { subdomain: 'acme', email: 'admin@acme.example', apiToken: TOKEN, auth: 'api_token' },
    });
    expect(events.filter(e => e.type === 'cma-error')).to.deep.equal([]);
    expect(JSON.stringify(events)).to.not.contain(TOKEN);
  });

  it('Back returns to the choice; the same way again keeps everything typed, another keeps the subdomain but no secret', async () => {
    const { el } = await mount('zendesk');
    await pickWay(el, 'Use an API token');
    await paste(el, 'subdomain', 'acme');
    await paste(el, 'apiToken', TOKEN);
    button(el, 'Back').click();
    await el.updateComplete;
    expect(ways(el).length).to.equal(2);
    expect(root(el).activeElement, 'focus stays in the widget').to.not.equal(null);
    await pickWay(el, 'Use an API token');
    expect(input(el, 'subdomain').value).to.equal('acme');
    expect(input(el, 'apiToken').value).to.equal(TOKEN);

    button(el, 'Back').click();
    await el.updateComplete;
    await pickWay(el, 'Log in with Zendesk');
    expect(input(el, 'subdomain').value).to.equal('acme');
    expect(button(el, 'Log in with Zendesk').type).to.equal('submit');
    button(el, 'Back').click();
    await el.updateComplete;
    await pickWay(el, 'Use an API token');
    expect(input(el, 'apiToken').value, 'the token typed before the other way was picked').to.equal('');
    await expect(el).to.be.accessible();
  });

  it('a mistake in the token way is named on its field, and Cancel on the choice ends the attempt', async () => {
    const { el } = await mount('zendesk');
    await pickWay(el, 'Use an API token');
    await paste(el, 'subdomain', 'acme');
    await paste(el, 'email', 'admin@acme.example');
    await paste(el, 'apiToken', 'not a token!');
    const { detail } = await press(el, 'Connect Zendesk', 'cma-error');
    expect(detail).to.include({ code: 'invalid_input', step: 'token' });
    expect(detail.fields).to.deep.equal(['apiToken']);
    button(el, 'Back').click();
    await el.updateComplete;
    const cancelled = await press(el, 'Cancel', 'cma-cancel');
    expect(cancelled.detail).to.include({ vendor: 'zendesk', reason: 'user' });
    expect(text(el)).to.contain('Nothing was connected');
  });
});
