import { expect } from '@open-wc/testing';
import { useScenario, worker } from '../helpers/msw.js';
import { input, mountDescriptor, paste, press, q } from '../helpers/widget.js';

/** A descriptor an author is writing, previewed inline against the mock API (issue 9's playground). */
const draft = {
  schemaVersion: 1,
  id: 'acme-books',
  name: 'Acme Books',
  method: 'credentials',
  steps: [
    {
      id: 'login',
      fields: [
        { name: 'username', type: 'text', label: 'Username', required: true },
        { name: 'accessToken', type: 'secret', label: 'Access token', required: true },
      ],
      submit: { kind: 'lookup', lookup: 'companies' },
    },
    {
      id: 'company',
      fields: [{ name: 'company', type: 'select', label: 'Company', optionsFrom: 'companies', required: true }],
      submit: { kind: 'register' },
    },
  ],
};

describe('the mock API answers any vendor', () => {
  afterEach(() => worker.resetHandlers());

  it('a lookup of any name gets sample options, so a new descriptor can be walked through to the end', async () => {
    await useScenario('ok', 0);
    const { el } = await mountDescriptor(draft);
    await paste(el, 'username', 'ola');
    await paste(el, 'accessToken', 't0k3n-value');
    await press(el, 'Continue', 'cma-step');
    await el.updateComplete;
    const options = [...q<HTMLSelectElement>(el, 'select')!.options].map(o => o.textContent!.trim());
    expect(options).to.include.members(['Sample companies A', 'Sample companies B', 'Sample companies C']);
    input(el, 'company').value = 'companies-b';
    input(el, 'company').dispatchEvent(new Event('change', { bubbles: true }));
    const { detail } = await press(el, 'Authenticate', 'cma-registered');
    expect(detail.connectionId).to.match(/^conn_acme-books_/);
  });

  it('its rejections name the vendor they are for, and the field the descriptor calls its key', async () => {
    await useScenario('wrong-key', 0);
    const { el } = await mountDescriptor({
      ...draft,
      method: 'apiKey',
      steps: [{ id: 'key', fields: [{ name: 'accessToken', type: 'secret', label: 'Access token', required: true }], submit: { kind: 'register' } }],
    });
    await paste(el, 'accessToken', 'not-a-good-token');
    const { detail } = await press(el, 'Authenticate', 'cma-error');
    expect(detail).to.include({ code: 'invalid_credentials', message: 'acme-books did not accept this API key.' });
    expect(detail.fields).to.deep.equal(['accessToken']);
  });
});
