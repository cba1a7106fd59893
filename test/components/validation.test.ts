import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { useScenario, worker } from '../helpers/msw.js';
import { button, input, mount, q, root, type, until } from '../helpers/widget.js';
import type { CmaRegisterApp } from '../../src/index.js';

/** When a field says what is wrong: once the user has left it or submitted, never while they first type. */
describe('<cma-register-app> validation timing', () => {
  beforeEach(() => useScenario('ok'));
  afterEach(() => worker.resetHandlers());

  const fieldError = (el: CmaRegisterApp) => q(el, '[part="error"]')?.textContent?.trim() ?? '';
  const focused = (el: CmaRegisterApp) => root(el).activeElement as HTMLElement | null;
  const KEY = '0123456789abcdef0123456789abcdef-us21';

  it('says nothing while the user first types, says what is wrong once they leave, and clears as they fix it', async () => {
    const { el } = await mount('mailchimp');
    await type(el, 'apiKey', '0123-us');
    expect(fieldError(el), 'no error while typing').to.equal('');
    expect(input(el, 'apiKey').hasAttribute('aria-invalid')).to.equal(false);

    await sendKeys({ press: 'Tab' });
    await until(() => fieldError(el), 'the error after leaving the field');
    expect(fieldError(el)).to.contain('A MailChimp API key is 32 letters and digits');
    expect(input(el, 'apiKey').getAttribute('aria-invalid')).to.equal('true');
    expect(focused(el)?.localName, 'focus went on, to the Show button').to.equal('button');

    // back in the field: the message goes as soon as the value is right, before leaving again
    await type(el, 'apiKey', KEY);
    expect(focused(el) === input(el, 'apiKey'), 'still in the field').to.equal(true);
    expect(fieldError(el)).to.equal('');
    expect(input(el, 'apiKey').hasAttribute('aria-invalid')).to.equal(false);
  });

  it('does not call an untouched field wrong when the user tabs through it; submit does, with focus on it', async () => {
    const { el } = await mount('mailchimp');
    input(el, 'apiKey').focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(fieldError(el), 'no error for a field left empty and untouched').to.equal('');

    button(el, 'Authenticate').click();
    await until(() => fieldError(el), 'the error after submit');
    expect(fieldError(el)).to.equal('API key is required.');
    await until(() => focused(el) === input(el, 'apiKey'), 'focus on the first invalid field');
  });

  it('says "required" once the user has emptied a field they had filled and left it', async () => {
    const { el } = await mount('mailchimp');
    await type(el, 'apiKey', KEY);
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(fieldError(el)).to.equal('');
    input(el, 'apiKey').focus();
    input(el, 'apiKey').select();
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Tab' });
    await until(() => fieldError(el), 'the error after leaving the emptied field');
    expect(fieldError(el)).to.equal('API key is required.');
  });
});
