import { expect } from '@open-wc/testing';
import { useScenario, worker } from '../helpers/msw.js';
import { button, mount, paste, q, until } from '../helpers/widget.js';
import type { CmaRegisterApp } from '../../src/index.js';

/**
 * Status changes reach screen readers through one live region that is on the page before its text
 * changes (WCAG 4.1.3), and a repeated error is said again.
 */
describe('<cma-register-app> live regions', () => {
  afterEach(() => worker.resetHandlers());

  const regions = (el: CmaRegisterApp) => el.shadowRoot!.querySelectorAll('[role="status"]');

  it('says each status in the same region, from loading to working to the result', async () => {
    await useScenario('ok', 300);
    const { el } = await mount('mailchimp', { ready: false });
    const region = await until(() => regions(el)[0], 'the live region');
    await until(() => region.textContent === 'Loading…', 'Loading… said');
    await until(() => q(el, 'input[name="apiKey"]'), 'the form');
    expect(regions(el).length, 'one live region').to.equal(1);
    expect(regions(el)[0] === region, 'the same region as while loading').to.equal(true);
    expect(region.textContent).to.equal('');

    await paste(el, 'apiKey', '0123456789abcdef0123456789abcdef-us21');
    button(el, 'Authenticate').click();
    await until(() => region.textContent === 'Working…', 'Working… said');
    await until(() => /MailChimp is connected/.test(region.textContent!), 'the result said');
    expect(regions(el)[0] === region, 'still the same region').to.equal(true);
  });

  it('says a repeated error again: the alert empties while the next try is on its way', async () => {
    await useScenario('wrong-credentials', 200);
    const { el } = await mount('mailchimp');
    const alert = q(el, '[role="alert"]')!;
    await paste(el, 'apiKey', '0123456789abcdef0123456789abcdef-us21');
    button(el, 'Authenticate').click();
    await until(() => alert.textContent!.includes('did not accept'), 'the first error');
    const first = alert.textContent!.trim();
    button(el, 'Authenticate').click();
    await until(() => !alert.textContent!.trim(), 'the alert empty while working');
    await until(() => alert.textContent!.trim() === first, 'the same error again');
    expect(q(el, '[role="alert"]') === alert, 'in the same alert region').to.equal(true);
  });
});
