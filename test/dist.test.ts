// The built files, as a partner site and a bundler user load them (run `npm run build` first).
import { expect } from '@open-wc/testing';
import { useScenario } from './helpers/msw.js';
import mailchimp from '../mocks/descriptors/mailchimp.json';

const load = (path: string) => import(/* @vite-ignore */ path).catch(() => {
  throw new Error(`${path} did not load: run npm run build first`);
});

describe('dist/', () => {
  before(() => useScenario('ok'));

  it('index.js exports the classes and types without defining any tag', async () => {
    const mod = await load('/dist/index.js');
    expect(mod.CmaRegisterApp).to.be.a('function');
    expect(mod.validateDescriptor).to.be.a('function');
    expect(customElements.get('cma-register-app')).to.equal(undefined);
  });

  it('cma-register-app.js defines the tags once and runs a flow end to end', async () => {
    await load('/dist/cma-register-app.js');
    await load('/dist/cma-register-app.js?again');
    expect(customElements.get('cma-register-app')).to.be.a('function');
    const el = document.createElement('cma-register-app');
    el.setAttribute('api-base', 'https://api.example.com/v1');
    el.setAttribute('vendor', 'mailchimp');
    const ready = new Promise(r => el.addEventListener('cma-ready', r, { once: true }));
    document.body.append(el);
    await ready;
    await el.updateComplete;
    const key = el.shadowRoot!.querySelector<HTMLInputElement>('[name="apiKey"]')!;
    key.value = '0123456789abcdef0123456789abcdef-us21';
    key.dispatchEvent(new Event('input', { bubbles: true }));
    const registered = new Promise<CustomEvent>(r => el.addEventListener('cma-registered', e => r(e), { once: true }));
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    expect((await registered).detail.connectionId).to.match(/^conn_mailchimp_/);
    el.remove();
  });

  it('cma-register-app.js loads Norwegian from the file beside it, only for a page in Norwegian', async () => {
    await load('/dist/cma-register-app.js');
    performance.clearResourceTimings(); // the buffer holds 250 entries, and this page loaded more modules than that
    const chunks = () => performance.getEntriesByType('resource').filter(e => /\/dist\/nb-[\w-]+\.js$/.test(e.name));
    const show = async (lang: string) => {
      const el = document.createElement('cma-register-app');
      el.setAttribute('api-base', 'https://api.example.com/v1');
      el.setAttribute('lang', lang);
      el.setAttribute('vendor', 'mailchimp');
      const ready = new Promise(r => el.addEventListener('cma-ready', r, { once: true }));
      document.body.append(el);
      await ready;
      const shown = el.shadowRoot!.textContent!;
      el.remove();
      return shown;
    };
    expect(await show('en')).to.contain('Authenticate MailChimp');
    expect(chunks(), 'Norwegian loaded for an English page').to.deep.equal([]);
    expect(await show('nb')).to.contain('Koble til MailChimp');
    expect(chunks().length).to.equal(1);
  });

  it('cma-register-app.js loads the validator\'s messages from the file beside it, only for an invalid descriptor', async () => {
    const mod = await load('/dist/cma-register-app.js');
    // the one export that would bring every message into the file (dist/index.js has it)
    expect(mod.validateDescriptor).to.equal(undefined);
    performance.clearResourceTimings();
    const chunks = () => performance.getEntriesByType('resource').filter(e => /\/dist\/messages-[\w-]+\.js$/.test(e.name));
    const show = async (descriptor: unknown, until: string) => {
      const el = document.createElement('cma-register-app') as HTMLElement & { descriptor: unknown };
      el.setAttribute('api-base', 'https://api.example.com/v1');
      const settled = new Promise<CustomEvent>(r => el.addEventListener(until, e => r(e as CustomEvent), { once: true }));
      el.descriptor = descriptor;
      document.body.append(el);
      const { detail } = await settled;
      const lines = [...el.shadowRoot!.querySelectorAll('.problems li')].map(li => li.textContent!.trim());
      el.remove();
      return { detail, lines };
    };
    await show(mailchimp, 'cma-ready');
    expect(chunks(), 'messages loaded for a valid descriptor').to.deep.equal([]);
    const { detail, lines } = await show({ ...mailchimp, id: 'Mailchimp' }, 'cma-error');
    const line = 'id: expected lower-case letters, digits and "-" (such as "acme-crm"), got "Mailchimp"';
    expect(detail.code).to.equal('descriptor_invalid');
    expect(detail.message.split('\n').slice(1)).to.deep.equal([line]);
    expect(lines).to.deep.equal([line]);
    expect(chunks().length).to.equal(1);
  });
});
