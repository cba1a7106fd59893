import { expect } from '@open-wc/testing';
import { useScenario } from '../helpers/msw.js';
import { button, input, mountDescriptor, next, q, type } from '../helpers/widget.js';

const twoSecrets = {
  schemaVersion: 1,
  id: 'two-secrets',
  name: 'Two Secrets',
  method: 'credentials',
  steps: [
    {
      id: 'one',
      fields: [{ name: 'token', type: 'secret', label: 'Token', required: true }],
      submit: { kind: 'lookup', lookup: 'clients' },
    },
    {
      id: 'two',
      fields: [
        { name: 'pin', type: 'secret', label: 'PIN', autocomplete: 'current-password', required: true },
        { name: 'pem', type: 'secret', label: 'Private key', multiline: true },
      ],
      submit: { kind: 'register' },
    },
  ],
};

describe('<cma-field> for secrets', () => {
  beforeEach(() => useScenario('ok'));

  it('shows and hides a key, and keeps password managers and spell-check away from it', async () => {
    const el = (await mountDescriptor(twoSecrets)).el;
    const token = input(el, 'token');
    expect(token.type).to.equal('password');
    expect(token.autocomplete).to.equal('off');
    expect(token.spellcheck).to.equal(false);
    for (const hint of ['data-1p-ignore', 'data-lpignore', 'data-bwignore', 'data-form-type']) expect(token.hasAttribute(hint), hint).to.equal(true);
    const toggle = button(el, 'Show Token');
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    toggle.click();
    await el.updateComplete;
    expect(input(el, 'token').type).to.equal('text');
    expect(input(el, 'token').spellcheck).to.equal(false);
    expect(button(el, 'Hide Token').getAttribute('aria-pressed')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('starts the next step masked even when the previous secret was shown', async () => {
    const el = (await mountDescriptor(twoSecrets)).el;
    await type(el, 'token', 'tok-123');
    button(el, 'Show Token').click();
    await el.updateComplete;
    const step = next(el, 'cma-step');
    button(el, 'Continue').click();
    await step;
    await el.updateComplete;
    expect(input(el, 'pin').type).to.equal('password');
    expect(button(el, 'Show PIN').getAttribute('aria-pressed')).to.equal('false');
  });

  it('lets password managers fill a password (no ignore hints), and masks a multiline secret', async () => {
    const el = (await mountDescriptor(twoSecrets)).el;
    await type(el, 'token', 'tok-123');
    const step = next(el, 'cma-step');
    button(el, 'Continue').click();
    await step;
    await el.updateComplete;
    const pin = input(el, 'pin');
    expect(pin.autocomplete).to.equal('current-password');
    expect(pin.hasAttribute('data-1p-ignore')).to.equal(false);
    const pem = q<HTMLTextAreaElement>(el, 'textarea[name="pem"]')!;
    expect(getComputedStyle(pem).getPropertyValue('-webkit-text-security')).to.equal('disc');
    button(el, 'Show Private key').click();
    await el.updateComplete;
    expect(getComputedStyle(pem).getPropertyValue('-webkit-text-security')).to.equal('none');
    await expect(el).to.be.accessible();
  });
});
