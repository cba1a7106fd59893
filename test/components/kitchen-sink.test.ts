import { expect } from '@open-wc/testing';
import { recordRequests, useScenario, worker } from '../helpers/msw.js';
import { button, input, mount, next, paste, pickWay, press, q, root, until } from '../helpers/widget.js';
import type { CmaRegisterApp } from '../../src/index.js';

const PASSWORD = 'correct horse battery staple';
const API_KEY = 'a1B2c3D4e5F6g7H8i9J0k1L2';
const PEM = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n';

/** Clicks a radio button or checkbox as a user would, and waits for the render. */
async function click(el: CmaRegisterApp, selector: string) {
  q<HTMLInputElement>(el, selector)!.click();
  await el.updateComplete;
}

/** Picks an option of a select as a user would. */
async function select(el: CmaRegisterApp, name: string, value: string) {
  const control = q<HTMLSelectElement>(el, `select[name="${name}"]`)!;
  control.value = value;
  control.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

/** The mock vendor that uses every key of the descriptor format (mocks/descriptors/kitchen-sink.json). */
describe('<cma-register-app> with the kitchen-sink fixture', () => {
  beforeEach(() => useScenario('ok'));
  afterEach(() => worker.resetHandlers());

  it('logs in, looks up, and registers every visible value: defaults, a hidden constant, line breaks kept, a field showIf hid left out', async () => {
    const { el, events } = await mount('kitchen-sink');
    const log = recordRequests();
    await pickWay(el, 'Log in with a username');
    expect(q(el, '[part="path"]')!.textContent).to.contain('Integrations');
    expect(q<HTMLImageElement>(el, 'img[part="image"]')!.alt).to.equal('The settings menu, open at Integrations');
    expect(q(el, '[name="sandboxName"]'), 'shown only for a sandbox').to.equal(null);
    await paste(el, 'username', 'ola.nordmann');
    await paste(el, 'password', PASSWORD);
    // a sandbox's name, typed, then the answer it belongs to taken back: it is not sent
    await click(el, 'input[name="environment"][value="sandbox"]');
    await paste(el, 'sandboxName', 'staging_1');
    await click(el, 'input[name="environment"][value="production"]');
    expect(q(el, '[name="sandboxName"]')).to.equal(null);
    await select(el, 'region', 'us');
    await expect(el).to.be.accessible();

    const step = await press(el, 'Find workspaces', 'cma-step');
    expect(step.detail).to.include({ step: 'workspace', index: 1, previous: 'account' });
    await until(() => q(el, 'select[name="workspace"]'), 'the workspace step');
    await select(el, 'workspace', 'workspaces-b');
    await paste(el, 'notes', '  First line\nSecond line\n');
    expect(q(el, '[name="notifyEmail"]'), 'shown once notify is ticked').to.equal(null);
    await click(el, 'input[name="notify"]');
    await paste(el, 'notifyEmail', 'ops@acme.example');
    await expect(el).to.be.accessible();

    const { detail } = await press(el, 'Connect', 'cma-registered');
    expect(detail).to.include({ vendor: 'kitchen-sink', method: 'credentials' });
    expect(detail.connectionId).to.match(/^conn_kitchen-sink_\d+$/);
    await log.settled();
    log.stop();
    const posts = log.api().filter(r => r.method === 'POST');
    expect(posts.map(p => new URL(p.url).pathname)).to.deep.equal([
      '/v1/apps/kitchen-sink/lookups/workspaces',
      '/v1/apps/kitchen-sink/registrations',
    ]);
    const login = { username: 'ola.nordmann', password: PASSWORD, environment: 'production', region: 'us' };
    expect(JSON.parse(posts[0].body)).to.deep.equal({ values: login });
    expect(JSON.parse(posts[1].body)).to.deep.equal({
      values: {
        ...login,
        workspace: 'workspaces-b',
        notes: '  First line\nSecond line\n',
        notify: true,
        notifyEmail: 'ops@acme.example',
        auth: 'password',
      },
    });
    expect(JSON.stringify(events)).to.not.contain(PASSWORD);
    expect(events.map(e => e.type)).to.deep.equal(['cma-ready', 'cma-step', 'cma-step', 'cma-registered']);
  });

  it('registers by API key: the subdomain cut from a pasted address, the key and a multiline private key as given, its own hidden constant', async () => {
    const { el, events } = await mount('kitchen-sink');
    const log = recordRequests();
    await pickWay(el, 'Use an API key');
    await paste(el, 'subdomain', 'https://Acme.kitchen-sink.example/admin');
    input(el, 'subdomain').dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(input(el, 'subdomain').value).to.equal('acme');
    await paste(el, 'apiKey', API_KEY);
    await paste(el, 'privateKey', PEM);
    await expect(el).to.be.accessible();

    const { detail } = await press(el, 'Authenticate', 'cma-registered');
    expect(detail).to.include({ vendor: 'kitchen-sink', method: 'apiKey' });
    await log.settled();
    log.stop();
    const post = log.api().find(r => r.method === 'POST')!;
    expect(new URL(post.url).pathname).to.equal('/v1/apps/kitchen-sink/registrations');
    expect(JSON.parse(post.body)).to.deep.equal({ values: { subdomain: 'acme', apiKey: API_KEY, privateKey: PEM, auth: 'api_key' } });
    const serialized = JSON.stringify(events);
    expect(serialized).to.not.contain(API_KEY);
    expect(serialized).to.not.contain('BEGIN PRIVATE KEY');
  });

  it('names every field that fails its checks (required, minLength, pattern) and sends nothing', async () => {
    const { el } = await mount('kitchen-sink');
    const log = recordRequests();
    await pickWay(el, 'Log in with a username');
    await paste(el, 'username', 'ol');
    await click(el, 'input[name="environment"][value="sandbox"]');
    await paste(el, 'sandboxName', 'My Sandbox!');
    const error = await press(el, 'Find workspaces', 'cma-error');
    expect(error.detail).to.include({ code: 'invalid_input', step: 'account', retryable: true });
    expect(error.detail.fields).to.deep.equal(['username', 'password', 'sandboxName']);
    expect(q(el, '#cma-field-sandboxName-error')!.textContent).to.equal('A sandbox name is lower-case letters, digits, _ and -.');
    expect(q(el, '#cma-field-username-error')!.textContent).to.contain('3');
    await expect(el).to.be.accessible();
    // Back to the choice, the other way: its own checks
    button(el, 'Back').click();
    await until(() => root(el).querySelector('.ways'), 'the choice of ways');
    await pickWay(el, 'Use an API key');
    await paste(el, 'subdomain', 'not a subdomain!');
    await paste(el, 'apiKey', 'short');
    const again = next(el, 'cma-error');
    q<HTMLButtonElement>(el, 'button[part="submit"]')!.click();
    expect((await again).detail.fields).to.deep.equal(['subdomain', 'apiKey']);
    await log.settled();
    log.stop();
    expect(log.api().filter(r => r.method === 'POST')).to.deep.equal([]);
  });
});
