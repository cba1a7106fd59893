import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { recordRequests, useScenario } from '../helpers/msw.js';
import { API, button, input, mountDescriptor, next, paste, q, root, type } from '../helpers/widget.js';
import type { CmaRegisterApp } from '../../src/index.js';

const PATTERN_MESSAGE = 'A shop name is lower-case letters, digits and hyphens, such as my-shop.';

const shopDescriptor = {
  schemaVersion: 1,
  id: 'affix-shop',
  name: 'Affix Shop',
  method: 'credentials',
  steps: [
    {
      id: 'shop',
      fields: [
        {
          name: 'shop',
          type: 'text',
          label: 'Shop',
          suffix: '.myshopify.com',
          placeholder: 'my-shop',
          required: true,
          pattern: '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?',
          patternMessage: PATTERN_MESSAGE,
        },
        { name: 'mirror', type: 'text', label: 'Mirror', prefix: 'https://', suffix: '.example.net' },
      ],
      submit: { kind: 'register', label: 'Connect' },
    },
  ],
};

/** The input's accessible description: the text of every element its aria-describedby names, in order. */
const description = (el: CmaRegisterApp, name: string) =>
  (input(el, name).getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map(id => q(el, `#${id}`)!.textContent!.trim())
    .join(' ');

/** Moves focus on from the field with the real keyboard, as a user leaving it does. */
async function leave(el: CmaRegisterApp) {
  await sendKeys({ press: 'Tab' });
  await el.updateComplete;
}

async function register(el: CmaRegisterApp) {
  const log = recordRequests();
  await press(el);
  await log.settled();
  log.stop();
  return log.api().filter(r => r.method === 'POST');
}

async function press(el: CmaRegisterApp) {
  const registered = next(el, 'cma-registered');
  button(el, 'Connect').click();
  await registered;
  await el.updateComplete;
}

describe('<cma-field> with a prefix or suffix', () => {
  beforeEach(() => useScenario('ok'));

  it('shows the suffix after the input and reads it out with the label', async () => {
    const { el } = await mountDescriptor(shopDescriptor);
    const shop = input(el, 'shop');
    expect(q(el, `label[for="${shop.id}"]`)!.textContent!.trim()).to.equal('Shop');
    const control = shop.closest('.control')!;
    expect([...control.children].map(c => c.textContent!.trim())).to.deep.equal(['', '.myshopify.com']);
    expect(control.lastElementChild!.getAttribute('aria-hidden')).to.equal('true');
    expect(description(el, 'shop')).to.equal('Followed by .myshopify.com');
    expect(description(el, 'mirror')).to.equal('Preceded by https:// and followed by .example.net');
    const mirror = input(el, 'mirror').closest('.control')!;
    expect([...mirror.children].map(c => c.textContent!.trim())).to.deep.equal(['https://', '', '.example.net']);
    await expect(el).to.be.accessible();
  });

  it('sends the shop name from a pasted admin address, and shows it once the user leaves the field', async () => {
    const { el } = await mountDescriptor(shopDescriptor);
    await paste(el, 'shop', 'https://my-shop.myshopify.com/admin');
    expect(input(el, 'shop').value, 'not rewritten while the field has focus').to.equal('https://my-shop.myshopify.com/admin');
    await leave(el);
    expect(input(el, 'shop').value).to.equal('my-shop');
    const posts = await register(el);
    expect(posts.map(p => p.url)).to.deep.equal([`${API}/apps/affix-shop/registrations`]);
    expect(JSON.parse(posts[0].body)).to.deep.equal({ values: { shop: 'my-shop' } });
    expect(root(el).textContent).to.contain('Affix Shop is connected');
    await expect(el).to.be.accessible();
  });

  it('sends the reduced value when the user submits with Enter, still in the field', async () => {
    const { el } = await mountDescriptor(shopDescriptor);
    await type(el, 'shop', ' MY-SHOP.myshopify.com ');
    expect(input(el, 'shop').value).to.equal(' MY-SHOP.myshopify.com ');
    await paste(el, 'mirror', 'HTTPS://Eu-1.Example.NET/status');
    const log = recordRequests();
    const registered = next(el, 'cma-registered');
    input(el, 'mirror').focus();
    await sendKeys({ press: 'Enter' });
    await registered;
    await log.settled();
    log.stop();
    const [post] = log.api().filter(r => r.method === 'POST');
    expect(JSON.parse(post.body)).to.deep.equal({ values: { shop: 'my-shop', mirror: 'eu-1' } });
  });

  it('refuses a value that is not a shop name with the descriptor\'s message next to the field, and sends nothing', async () => {
    const { el } = await mountDescriptor(shopDescriptor);
    const log = recordRequests();
    await type(el, 'shop', 'my shop!');
    const error = next(el, 'cma-error');
    button(el, 'Connect').click();
    const { detail } = await error;
    await el.updateComplete;
    await log.settled();
    log.stop();
    expect(detail).to.include({ code: 'invalid_input', step: 'shop' });
    expect(detail.fields).to.deep.equal(['shop']);
    const shop = input(el, 'shop');
    expect(shop.value).to.equal('my shop!');
    expect(shop.getAttribute('aria-invalid')).to.equal('true');
    expect(root(el).activeElement).to.equal(shop);
    expect(shop.closest('[part="field"]')!.querySelector('[part="error"]')!.textContent).to.equal(PATTERN_MESSAGE);
    expect(description(el, 'shop')).to.equal(`Followed by .myshopify.com ${PATTERN_MESSAGE}`);
    expect(log.api()).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('leaves an address with a port as typed, and refuses it', async () => {
    const { el } = await mountDescriptor(shopDescriptor);
    await paste(el, 'shop', 'https://my-shop.myshopify.com:8443/admin');
    await leave(el);
    expect(input(el, 'shop').value).to.equal('https://my-shop.myshopify.com:8443/admin');
    const error = next(el, 'cma-error');
    button(el, 'Connect').click();
    expect((await error).detail.fields).to.deep.equal(['shop']);
  });
});
