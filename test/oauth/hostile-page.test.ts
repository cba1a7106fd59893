import { expect } from '@open-wc/testing';
import {
  completeOnServer,
  countHeld,
  serverFlows,
  setMock,
  until,
  useOAuthBed,
} from '../helpers/oauth.js';
import { button, next, text, type Recorded } from '../helpers/widget.js';

const TYPE = 'cma:oauth-result';

/** A page that is not on the widget's side: forged messages, floods, a second widget, hostile globals. */
describe('<cma-register-app> on a hostile page', () => {
  const bed = useOAuthBed();
  const startLogin = (vendor?: string) => bed.startLogin(vendor);
  beforeEach(() => setMock({ oauth: { login: 'form' } }));

  const outcomes = (events: Recorded[]) => events.filter(e => ['cma-registered', 'cma-error', 'cma-cancel'].includes(e.type));

  it('a flood of forged success messages, from the page and from a same-origin iframe, ends nothing', async () => {
    const { el, events, flowId } = await startLogin();
    const forged = { type: TYPE, flowId, status: 'succeeded', connectionId: 'conn_forged' };
    for (let i = 0; i < 5000; i++) window.postMessage(forged, '*');
    const frame = document.createElement('iframe');
    document.body.append(frame);
    for (let i = 0; i < 100; i++) frame.contentWindow!.parent.postMessage(forged, '*');
    // every message has been delivered once this one arrives
    await new Promise<void>(resolve => {
      const done = (e: MessageEvent) => e.data === 'flood-over' && (window.removeEventListener('message', done), resolve());
      window.addEventListener('message', done);
      window.postMessage('flood-over', '*');
    });
    frame.remove();
    await el.updateComplete;
    expect(outcomes(events)).to.deep.equal([]);
    expect(text(el)).to.contain('in the window that opened');
    expect((await serverFlows()).find(f => f.flowId === flowId)!.status).to.equal('pending');
  });

  it('two widgets for the same vendor keep their flows apart', async () => {
    const first = await startLogin('salesforce');
    const second = await startLogin('salesforce');
    expect(first.flowId).to.not.equal(second.flowId);
    const registered = next(second.el, 'cma-registered', 8000);
    await completeOnServer(second.flowId);
    // its window goes (as after a login behind COOP), so it asks the server, about its own flow only
    second.popup.close();
    const { detail } = await registered;
    const flow = (await serverFlows()).find(f => f.flowId === second.flowId)!;
    expect(detail.connectionId).to.equal(flow.connectionId);
    await first.el.updateComplete;
    expect(outcomes(first.events)).to.deep.equal([]);
    expect(text(first.el)).to.contain('in the window that opened');
  });

  it('works on a page that extends Array.prototype and wraps fetch', async () => {
    const realFetch = window.fetch;
    const proto = Array.prototype as unknown as Record<string, unknown>;
    proto.hostileExtra = () => 'array'; // enumerable, as old libraries do it
    let calls = 0;
    window.fetch = (...args: Parameters<typeof fetch>) => (calls++, realFetch(...args));
    try {
      await setMock({ oauth: { login: 'auto' } });
      const mounted = await bed.mount('salesforce');
            const registered = next(mounted.el, 'cma-registered', 8000);
      button(mounted.el, 'Log in with Salesforce').click();
      const { detail } = await registered;
      expect(detail.connectionId).to.match(/^conn_salesforce_/);
      expect(Object.keys(detail)).to.not.include('hostileExtra');
      expect(calls).to.be.greaterThan(0);
    } finally {
      delete proto.hostileExtra;
      window.fetch = realFetch;
    }
  });

  it('30 widgets put on the page and taken off in the middle of their flows leave no listener, interval, popup or flow', async function () {
    this.timeout(60000);
    const held = countHeld();
    try {
      for (let i = 0; i < 30; i++) {
        const mounted = await bed.mount('salesforce');
        button(mounted.el, 'Log in with Salesforce').click();
        // taken off at every stage: while the flow is created, while the popup is open, while the server is asked
        if (i % 3 > 0) await until(async () => (await serverFlows()).length > 0, 'the flow');
        if (i % 3 === 2) bed.popups.last!.close();
        mounted.el.remove();
      }
      await until(() => bed.popups.opened.every(w => w?.closed), 'every popup to close', 20000);
      await until(async () => (await serverFlows()).length === 0, 'every flow to be deleted', 20000);
      await until(() => held.none(), 'every listener and interval to go', 20000);
    } finally {
      held.restore();
    }
  });
});
