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

  /** The page's visibility as the browser reports it: hidden while another tab is in front. */
  function setVisibility(state: 'hidden' | 'visible') {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => state === 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
    if (state === 'visible') dispatchEvent(new Event('focus'));
  }

  it('a tab sent to the background and back neither doubles nor stalls the polling', async () => {
    // the server asks for a poll every 30 s: a hidden tab's timers may run that late, or later
    let asked = 0;
    const times: number[] = [];
    let inFlight = 0;
    let most = 0;
    worker.use(
      http.get('*/flows/flow_1', async () => {
        asked += 1;
        times.push(performance.now());
        most = Math.max(most, ++inFlight);
        await new Promise(r => setTimeout(r, 200)); // an answer takes a while: any second loop would overlap it
        inFlight -= 1;
        return HttpResponse.json({ status: 'pending', retryAfter: 30 });
      }),
    );
    const el = (await mountDescriptor(grantDescriptor)).el;
    try {
      button(el, 'Request access').click();
      await until(() => asked === 1 && inFlight === 0, 'the first poll answered');

      // to the background and back, over and over, while a poll is on its way and while it waits
      setVisibility('hidden');
      for (let i = 0; i < 5; i++) {
        setVisibility('visible');
        setVisibility('hidden');
      }
      await until(() => asked === 2 && inFlight === 0, 'one poll for the whole burst');

      // back in front 30 s before the next poll is due: it asks at once, and only once
      const back = performance.now();
      setVisibility('visible');
      await until(() => asked === 3 && inFlight === 0, 'a poll as soon as the tab is back');
      expect(times[1], 'the burst asked once').to.be.below(back);
      expect(times[2], 'the return asked once more').to.be.at.least(back);
      expect(most, 'polls at the same time').to.equal(1);
      expect(text(el)).to.contain('Waiting for Acme ERP to confirm access…');
    } finally {
      setVisibility('visible');
      delete (document as { visibilityState?: unknown }).visibilityState;
      delete (document as { hidden?: unknown }).hidden;
    }
  });
});
