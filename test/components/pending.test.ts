import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { recordRequests, useScenario, worker } from '../helpers/msw.js';
import { API, button, mountDescriptor, next, text, until } from '../helpers/widget.js';

/** A vendor that grants access from its own system: the server answers 202 and the widget polls. */
const grantDescriptor = {
  schemaVersion: 1,
  id: 'acme-erp',
  name: 'Acme ERP',
  method: 'grant',
  steps: [
    {
      id: 'request',
      instructions: [{ text: 'Ask your Acme administrator to approve **ConnectMyApps** under *Integrations*.' }],
      submit: { kind: 'register', label: 'Request access' },
    },
  ],
};

describe('<cma-register-app> with a grant the vendor confirms later', () => {
  beforeEach(async () => {
    await useScenario('ok');
    let polls = 0;
    worker.use(
      http.post('*/apps/acme-erp/registrations', () =>
        HttpResponse.json({ status: 'pending', flowId: 'flow_1', retryAfter: 1 }, { status: 202 }),
      ),
      http.get('*/flows/flow_1', () =>
        ++polls < 2
          ? HttpResponse.json({ status: 'pending', retryAfter: 1 })
          : HttpResponse.json({ status: 'succeeded', connectionId: 'conn_acme_1' }),
      ),
    );
  });
  afterEach(() => worker.resetHandlers());

  it('waits while the server says pending, then reports the connection the server confirmed', async () => {
    const el = (await mountDescriptor(grantDescriptor)).el;
    const registered = next(el, 'cma-registered', 6000);
    button(el, 'Request access').click();
    await until(() => text(el).includes('Waiting for Acme ERP to confirm access…'), 'the waiting view');
    await expect(el).to.be.accessible();
    const { detail } = await registered;
    expect(detail).to.include({ vendor: 'acme-erp', method: 'grant', connectionId: 'conn_acme_1' });
  });

  it('cancels the flow on the server when the user cancels while waiting', async () => {
    const el = (await mountDescriptor(grantDescriptor)).el;
    const log = recordRequests();
    button(el, 'Request access').click();
    await until(() => text(el).includes('Waiting for Acme ERP'), 'the waiting view');
    const cancelled = next(el, 'cma-cancel');
    button(el, 'Cancel').click();
    expect((await cancelled).detail).to.include({ step: 'request', reason: 'user' });
    await until(() => log.requests.some(r => r.method === 'DELETE' && r.url === `${API}/flows/flow_1`), 'the DELETE of the flow');
    log.stop();
  });
});
