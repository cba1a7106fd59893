import { expect } from '@open-wc/testing';
import { forWay, waysOf, type Descriptor, type Field } from '../../src/descriptor/types.js';
import { formatProblems, validateDescriptor } from '../../src/descriptor/validate.js';
import { checkField, start, submitRequest, transition } from '../../src/flow/engine.js';
import { assets } from '../../mocks/assets.js';
import { descriptors as shipped } from '../../mocks/handlers.js';

/** The descriptor as the engine runs it, on its first way. */
const asDescriptor = (d: unknown) => forWay(d as Descriptor, waysOf(d as Descriptor)[0]);
const field = (d: unknown, name: string) => asDescriptor(d).steps.flatMap(s => s.fields ?? []).find(f => f.name === name)!;

/** The engine's verdict on `value` typed into the one field of a one-step descriptor. */
function verdict(d: unknown, name: string, value: string) {
  const state = transition(start(asDescriptor(d)), { type: 'input', name, value });
  return checkField(state, field(d, name));
}

describe('shipped descriptors', () => {
  for (const [id, descriptor] of Object.entries(shipped)) {
    it(`${id} is valid, named after its file, and has a logo the mock serves`, () => {
      const result = validateDescriptor(descriptor);
      expect(result.ok, formatProblems(result.problems)).to.equal(true);
      const d = asDescriptor(descriptor);
      expect(d.id).to.equal(id);
      expect(assets[d.logo!], d.logo).to.be.a('string');
      expect(d.helpUrl).to.match(/^https:\/\//);
    });
  }

  for (const id of ['salesforce', 'shopify', 'zendesk']) {
    it(`${id} logs in with OAuth on its last step, labelled in English and Norwegian`, () => {
      const d = asDescriptor(shipped[id]);
      expect(d.method).to.equal('oauth2');
      const submit = d.steps.at(-1)!.submit;
      expect(submit.kind).to.equal('oauth');
      expect(submit.label).to.deep.equal({ en: `Log in with ${d.name}`, nb: `Logg inn med ${d.name}` });
    });
  }

  it('salesforce asks for production or a sandbox, production first, and sends the choice', () => {
    const environment = field(shipped.salesforce, 'environment');
    expect(environment.type).to.equal('radio');
    expect(environment.options!.map(o => o.value)).to.deep.equal(['production', 'sandbox']);
    expect(environment.help).to.have.keys('en', 'nb');
    const state = start(asDescriptor(shipped.salesforce));
    expect(submitRequest(state).values).to.deep.equal({ environment: 'production' });
    const sandbox = transition(state, { type: 'input', name: 'environment', value: 'sandbox' });
    expect(submitRequest(sandbox).values).to.deep.equal({ environment: 'sandbox' });
  });

  it('zendesk offers logging in or an API token, each with the subdomain, the token way with its email and a marker', () => {
    const ways = waysOf(shipped.zendesk as Descriptor);
    expect(ways.map(w => [w.id, w.method])).to.deep.equal([['login', 'oauth2'], ['api-token', 'apiKey']]);
    for (const w of ways) {
      expect(w.label).to.have.keys('en', 'nb');
      expect(w.description).to.have.keys('en', 'nb');
    }
    const token = start(shipped.zendesk as Descriptor, ways[1]);
    expect(token.descriptor.steps[0].fields!.map(f => f.name)).to.deep.equal(['subdomain', 'email', 'apiToken', 'auth']);
    expect(ways[1].steps[0].fields![0]).to.deep.equal(ways[0].steps[0].fields![0]);
    const typed = [['subdomain', 'https://acme.zendesk.com/agent'], ['email', 'admin@acme.example'], ['apiToken', 'a'.repeat(40)]];
    const filled = typed.reduce((state, [name, value]) => transition(state, { type: 'input', name, value }), token);
    expect(submitRequest(filled)).to.deep.equal({
      kind: 'register',
      values: { subdomain: 'acme', email: 'admin@acme.example', apiToken: 'a'.repeat(40), auth: 'api_token' },
    });
  });

  const hosts: [string, unknown, string, string][] = [
    ['shopify', shipped.shopify, 'shop', '.myshopify.com'],
    ['zendesk', shipped.zendesk, 'subdomain', '.zendesk.com'],
  ];
  for (const [id, d, name, suffix] of hosts) {
    it(`${id} takes a ${name} name or a pasted address, and says in English and Norwegian what a valid one is`, () => {
      const f: Field = field(d, name);
      expect(f).to.include({ type: 'text', suffix, required: true });
      expect(f.patternMessage).to.have.keys('en', 'nb');
      for (const ok of ['acme', 'my-shop', 'a', 'shop2', ` ACME${suffix} `, `https://acme${suffix}/admin`, 'x'.repeat(63)]) {
        expect(verdict(d, name, ok), ok).to.equal(undefined);
      }
      for (const bad of ['my shop!', '-acme', 'acme-', 'ac_me', 'a.b', `https://acme${suffix}:8443/`, 'https://acme.example.com/']) {
        expect(verdict(d, name, bad), bad).to.deep.equal({ rule: 'pattern' });
      }
      expect(verdict(d, name, 'x'.repeat(64))).to.deep.equal({ rule: 'maxLength', limit: 63 });
      expect(verdict(d, name, '  ')).to.deep.equal({ rule: 'required' });
    });
  }
});
