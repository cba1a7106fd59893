import { expect } from '@open-wc/testing';
import { recordRequests, useScenario } from '../helpers/msw.js';
import { API, button, input, mount, next, paste, q, text, type } from '../helpers/widget.js';

const KEY = '0123456789abcdef0123456789abcdef-us21';

describe('<cma-register-app> with an API key (mailchimp)', () => {
  beforeEach(() => useScenario('ok'));

  it('shows the name, logo, instructions with a menu path and screenshot, and a masked key field', async () => {
    const { el, events } = await mount('mailchimp');
    expect(text(el)).to.contain('Authenticate MailChimp');
    expect(q(el, 'header img')!.getAttribute('src')).to.equal(`${API}/vendors/logos/mailchimp.svg`);
    const instructions = q(el, '.instructions')!;
    expect(instructions.textContent).to.contain('Log in to your MailChimp account');
    const path = [...instructions.querySelectorAll('.path li')].map(li => li.textContent);
    expect(path).to.deep.equal(['Account', 'Extras', 'API keys']);
    expect(instructions.querySelector('img')!.alt).to.match(/API keys highlighted/);
    const key = input(el, 'apiKey');
    expect(key.type).to.equal('password');
    expect(q(el, `label[for="${key.id}"]`)!.textContent).to.contain('API key');
    expect(events.map(e => e.type)).to.deep.equal(['cma-ready', 'cma-step']);
    expect(events[0].detail).to.include({ vendor: 'mailchimp', method: 'apiKey' });
    await expect(el).to.be.accessible();
  });

  it('registers a pasted key and reports the connection', async () => {
    const { el, events } = await mount('mailchimp');
    const log = recordRequests();
    await paste(el, 'apiKey', `  ${KEY}\n`);
    const registered = next(el, 'cma-registered');
    button(el, 'Authenticate').click();
    const event = await registered;
    await log.settled();
    log.stop();
    expect(event.detail).to.include({ vendor: 'mailchimp', method: 'apiKey' });
    expect(event.detail.connectionId).to.match(/^conn_mailchimp_/);
    expect(event.detail.attemptId).to.equal(events[0].detail.attemptId);
    const [post] = log.api().filter(r => r.method === 'POST');
    expect(post.url).to.equal(`${API}/apps/mailchimp/registrations`);
    expect(JSON.parse(post.body)).to.deep.equal({ values: { apiKey: KEY } });
    await el.updateComplete;
    expect(text(el)).to.contain('MailChimp is connected');
    expect(el.shadowRoot!.activeElement?.id).to.equal('result');
    await expect(el).to.be.accessible();
  });

  it('shows the API message next to the field when the key is rejected, and keeps the form usable', async () => {
    await useScenario('wrong-key');
    const { el } = await mount('mailchimp');
    await type(el, 'apiKey', KEY);
    const error = next(el, 'cma-error');
    button(el, 'Authenticate').click();
    const { detail } = await error;
    expect(detail).to.include({ code: 'invalid_credentials', retryable: true, step: 'api-key' });
    expect(detail.fields).to.deep.equal(['apiKey']);
    await el.updateComplete;
    const key = input(el, 'apiKey');
    expect(key.getAttribute('aria-invalid')).to.equal('true');
    const described = key.getAttribute('aria-describedby')!.split(' ').map(id => q(el, `#${id}`)!.textContent);
    expect(described.join(' ')).to.contain('This key was not accepted');
    expect(key.value).to.equal(KEY);
    expect(text(el)).to.contain('MailChimp did not accept this API key.');
    await expect(el).to.be.accessible();
  });
});
