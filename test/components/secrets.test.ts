import { expect } from '@open-wc/testing';
import type { CmaRegisterApp } from '../../src/index.js';
import { http, HttpResponse } from 'msw';
import { recordRequests, useScenario, worker } from '../helpers/msw.js';
import { button, choose, mount, next, paste, pickWay, press, type } from '../helpers/widget.js';

const API_KEY = 'feedfacecafebeef0123456789abcdef-us7';
const PASSWORD = 'Tr0ub4dor&3-horse';

/** Every attribute value in the widget, through every shadow root. */
function allAttributes(node: Element | ShadowRoot): string[] {
  const out: string[] = [];
  for (const el of node.querySelectorAll('*')) {
    for (const a of el.attributes) out.push(`${a.name}=${a.value}`);
    if (el.shadowRoot) out.push(...allAttributes(el.shadowRoot));
  }
  return out;
}

describe('secrets never leave the form', () => {
  const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
  let logged: string[];
  const originals = methods.map(m => console[m]);

  beforeEach(async () => {
    await useScenario('ok');
    logged = [];
    methods.forEach(m => {
      console[m] = (...args: unknown[]) => logged.push(args.map(a => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
    });
    localStorage.clear();
    sessionStorage.clear();
  });
  afterEach(() => methods.forEach((m, i) => (console[m] = originals[i])));

  function expectNowhere(el: CmaRegisterApp, secret: string, events: { detail: unknown }[], urls: string[]) {
    expect(JSON.stringify(events.map(e => e.detail))).not.to.contain(secret);
    expect(allAttributes(el).concat(...el.getAttributeNames().map(n => el.getAttribute(n)!)).join('\n')).not.to.contain(secret);
    expect(urls.join('\n')).not.to.contain(secret);
    expect(location.href).not.to.contain(secret);
    expect(JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie).not.to.contain(secret);
    expect(logged.join('\n')).not.to.contain(secret);
  }

  it('an API key: through a rejection and a success', async () => {
    await useScenario('wrong-key');
    const { el, events } = await mount('mailchimp');
    const log = recordRequests();
    await paste(el, 'apiKey', API_KEY);
    button(el, 'Show API key').click();
    await el.updateComplete;
    await press(el, 'Authenticate', 'cma-error');
    await useScenario('ok');
    await press(el, 'Authenticate', 'cma-registered');
    await log.settled();
    log.stop();
    // the key went where it must (two POST bodies), and nowhere else
    const posts = log.api().filter(r => r.method === 'POST');
    expect(posts).to.have.length(2);
    expect(posts.every(p => p.body.includes(API_KEY))).to.equal(true);
    expectNowhere(el, API_KEY, events, log.requests.map(r => r.url));
    expect(el.shadowRoot!.querySelector('input')).to.equal(null);
  });

  it('a password: through a lookup, going back, a rejection and a success', async () => {
    const { el, events } = await mount('24sevenoffice');
    const log = recordRequests();
    await type(el, 'username', 'ola');
    await type(el, 'password', PASSWORD);
    await press(el, 'Get Clients', 'cma-step');
    await press(el, 'Back', 'cma-step');
    await useScenario('wrong-credentials');
    await press(el, 'Get Clients', 'cma-error');
    await useScenario('ok');
    await press(el, 'Get Clients', 'cma-step');
    await choose(el, 'clientId', '1001');
    await press(el, 'Authenticate', 'cma-registered');
    await log.settled();
    log.stop();
    expectNowhere(el, PASSWORD, events, log.requests.map(r => r.url));
  });

  it('an API token on a vendor\'s second way: through a rejection, the choice of ways and back, and a success', async () => {
    const TOKEN = 'Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXcVbNm12';
    await useScenario('wrong-key');
    const { el, events } = await mount('zendesk');
    const log = recordRequests();
    await pickWay(el, 'Use an API token');
    await paste(el, 'subdomain', 'acme');
    await paste(el, 'email', 'admin@acme.example');
    await paste(el, 'apiToken', TOKEN);
    button(el, 'Show API token').click();
    const rejected = await press(el, 'Connect Zendesk', 'cma-error');
    expect(rejected.detail.fields).to.deep.equal(['apiToken']);
    button(el, 'Back').click();
    await el.updateComplete;
    await pickWay(el, 'Use an API token');
    await useScenario('ok');
    await press(el, 'Connect Zendesk', 'cma-registered');
    await log.settled();
    log.stop();
    const posts = log.api().filter(r => r.method === 'POST');
    expect(posts).to.have.length(2);
    expect(posts.every(p => p.body.includes(TOKEN))).to.equal(true);
    expectNowhere(el, TOKEN, events, log.requests.map(r => r.url));
    expect(el.shadowRoot!.textContent).not.to.contain(TOKEN);
  });

  it('keeps secret fields out of session replays, masked or shown', async () => {
    await useScenario('ok');
    const { el } = await mount('24sevenoffice');
    const fieldOf = (name: string) => el.shadowRoot!.querySelector(`[name="${name}"]`)!.closest('[part="field"]')!;
    const marked = (name: string) =>
      ['rr-block', 'fs-exclude'].every(c => fieldOf(name).classList.contains(c)) && fieldOf(name).hasAttribute('data-private');
    expect(marked('password'), 'the password field').to.equal(true);
    expect(marked('username'), 'a plain field').to.equal(false);
    button(el, 'Show Password').click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('[name="password"]')!.type).to.equal('text');
    expect(marked('password'), 'shown as plain text').to.equal(true);
  });

  it('masks a secret that a server message echoes back', async () => {
    worker.use(
      http.post('*/registrations', () =>
        HttpResponse.json({ error: { code: 'invalid_credentials', message: `Key ${API_KEY} is revoked` } }, { status: 401 }),
      ),
    );
    const { el, events } = await mount('mailchimp');
    await paste(el, 'apiKey', API_KEY);
    const error = next(el, 'cma-error');
    button(el, 'Authenticate').click();
    const { detail } = await error;
    await el.updateComplete;
    expect(detail.message).to.equal('Key ••• is revoked');
    expect(el.shadowRoot!.textContent).not.to.contain(API_KEY);
    expectNowhere(el, API_KEY, events, []);
    worker.resetHandlers();
  });

  it('masks echoes in any case or URL-encoded, and the session token, in messages and field messages', async () => {
    const token = 'tok_a+b/c=12345';
    worker.use(
      http.post('*/registrations', () =>
        HttpResponse.json(
          {
            error: {
              code: 'invalid_credentials',
              message: `Key ${API_KEY.toUpperCase()} for session ${encodeURIComponent(token)} (${token}) is revoked`,
              fields: { apiKey: `Not accepted: ${API_KEY}` },
            },
          },
          { status: 401 },
        ),
      ),
    );
    const { el, events } = await mount('mailchimp');
    el.sessionToken = token;
    await paste(el, 'apiKey', API_KEY);
    const error = next(el, 'cma-error');
    button(el, 'Authenticate').click();
    const { detail } = await error;
    await el.updateComplete;
    expect(detail.message).to.equal('Key ••• for session ••• (•••) is revoked');
    expect(el.shadowRoot!.querySelector('.error')!.textContent).to.equal('Not accepted: •••');
    for (const leak of [API_KEY, API_KEY.toUpperCase(), token, encodeURIComponent(token)]) {
      expectNowhere(el, leak, events, []);
      expect(el.shadowRoot!.textContent).not.to.contain(leak);
    }
    worker.resetHandlers();
  });

  it('shows at most 300 characters of what a server says, in the page and in the event', async () => {
    worker.use(
      http.post('*/registrations', () =>
        HttpResponse.json({ error: { code: 'server_error', message: 'x'.repeat(5_000_000) } }, { status: 500 }),
      ),
    );
    const { el } = await mount('mailchimp');
    await paste(el, 'apiKey', API_KEY);
    const error = next(el, 'cma-error', 8000);
    button(el, 'Authenticate').click();
    const { detail } = await error;
    await el.updateComplete;
    expect(detail.message.length).to.be.at.most(301);
    expect(el.shadowRoot!.textContent!.length).to.be.below(2000);
    worker.resetHandlers();
  });
});
