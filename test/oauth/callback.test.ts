import { expect } from '@open-wc/testing';
import {
  completeOnServer,
  countHeld,
  postFromApiOrigin,
  serverFlows,
  setMock,
  until,
  useOAuthBed,
} from '../helpers/oauth.js';
import { button, next, text, type Recorded } from '../helpers/widget.js';

const TYPE = 'cma:oauth-result';

/** The callback message and the closed window: nothing but the server ends a flow. */
describe('<cma-register-app> OAuth callback checks and a closed window', () => {
  const bed = useOAuthBed();
  const startLogin = () => bed.startLogin('salesforce');
  beforeEach(() => setMock({ oauth: { login: 'form' } }));

  const codes = (events: Recorded[]) => events.filter(e => e.type === 'cma-error').map(e => e.detail.code);

  it('ignores a success message from the host page’s own origin', async () => {
    const { el, events, flowId } = await startLogin();
    window.postMessage({ type: TYPE, flowId, status: 'succeeded', connectionId: 'conn_forged' }, '*');
    await completeOnServer(flowId); // the server's word, not the message, is what counts
    // the widget has no reason to ask the server until a valid message comes or the window closes
    bed.popups.last!.close();
    const { detail } = await next(el, 'cma-registered', 8000);
    expect(detail.connectionId).to.not.equal('conn_forged');
    expect(detail.connectionId).to.match(/^conn_salesforce_/);
    expect(codes(events)).to.deep.equal([]);
  });

  it('ignores a message for another flow, and a valid one cannot end a flow the server has not ended', async () => {
    const { el, events, flowId, popup } = await startLogin();
    postFromApiOrigin(popup, bed.env, [
      { type: TYPE, flowId: 'flow_someone_else', status: 'failed', error: { code: 'access_denied' } },
      { type: TYPE, flowId, status: 'succeeded', connectionId: 'conn_from_message' },
    ]);
    await until(() => text(el).includes('Checking with Salesforce'), 'the widget to confirm with the server');
    // the server still says pending: no message can end it
    const requestsBefore = (await serverFlows())[0];
    expect(requestsBefore.status).to.equal('pending');
    expect(events.some(e => e.type === 'cma-registered')).to.equal(false);
    const registered = next(el, 'cma-registered', 8000);
    await completeOnServer(flowId);
    const { detail } = await registered;
    expect(detail.connectionId).to.not.equal('conn_from_message');
    expect(codes(events)).to.deep.equal([]);
  });

  it('a message sent twice registers once', async () => {
    const { el, events, flowId, popup } = await startLogin();
    await completeOnServer(flowId);
    const message = { type: TYPE, flowId, status: 'succeeded' };
    const registered = next(el, 'cma-registered', 8000);
    postFromApiOrigin(popup, bed.env, [message, message]);
    await registered;
    await el.updateComplete;
    expect(events.filter(e => e.type === 'cma-registered').length).to.equal(1);
  });

  it('a message from the callback origin for this flow in the wrong shape is invalid_callback, and the flow is dropped', async () => {
    const { el, flowId, popup } = await startLogin();
    const error = next(el, 'cma-error', 8000);
    postFromApiOrigin(popup, bed.env, [{ type: TYPE, flowId, status: 'done', connectionId: 42 }]);
    expect((await error).detail).to.include({ code: 'invalid_callback', retryable: true });
    await until(async () => (await serverFlows()).length === 0, 'the flow to be deleted');
    await until(() => popup.closed, 'the popup to close');
  });

  it('a window closed before finishing: checks with the server through a grace period, then popup_closed with Reopen and Cancel', async function () {
    this.timeout(30000);
    const { el, events, flowId, popup } = await startLogin();
    const started = Date.now();
    popup.close();
    await until(() => text(el).includes('Checking with Salesforce'), 'the check with the server');
    const error = next(el, 'cma-error', 20000);
    expect((await error).detail).to.include({ code: 'popup_closed', retryable: true });
    expect(Date.now() - started).to.be.at.least(10000);
    await el.updateComplete;
    expect(text(el)).to.contain('window was closed before you finished');
    await expect(el).to.be.accessible();

    // the login finished after all (a vendor page that cut the opener link): it still lands
    const registered = next(el, 'cma-registered', 8000);
    await completeOnServer(flowId);
    await registered;
    expect(codes(events)).to.deep.equal(['popup_closed']);
  });

  it('after popup_closed, Reopen starts a new flow in a new window; Cancel reports the closed popup', async function () {
    this.timeout(40000);
    const { el, events, flowId, popup } = await startLogin();
    popup.close();
    await next(el, 'cma-error', 20000);
    await el.updateComplete;
    await setMock({ oauth: { login: 'auto' } });
    const registered = next(el, 'cma-registered', 8000);
    button(el, 'Reopen').click();
    expect(bed.popups.opened.length).to.equal(2);
    const { detail } = await registered;
    const flows = await serverFlows();
    expect(flows.some(f => f.flowId === flowId), 'the first flow is deleted').to.equal(false);
    expect(flows.find(f => f.connectionId === detail.connectionId)).to.exist;

    await setMock({ oauth: { login: 'form' } });
    const second = await startLogin();
    second.popup.close();
    await next(second.el, 'cma-error', 20000);
    await second.el.updateComplete;
    const cancelled = next(second.el, 'cma-cancel');
    button(second.el, 'Cancel').click();
    expect((await cancelled).detail).to.include({ reason: 'popup_closed' });
    expect(events.filter(e => e.type === 'cma-cancel').length).to.equal(0);
  });

  it('removed from the page mid-flow: the popup closes, the flow is deleted, and no listener or interval is left', async () => {
    const held = countHeld();
    try {
      const { el, flowId, popup } = await startLogin();
      popup.close(); // now the widget asks the server every second
      await until(() => text(el).includes('Checking with Salesforce'), 'the check with the server');
      expect(held.listeners.get('window message')).to.equal(1);
      el.remove();
      await until(async () => !(await serverFlows()).some(f => f.flowId === flowId), 'the flow to be deleted');
      await until(() => held.none(), 'every listener and interval to go', 4000);

      // and nothing acts any more
      let fired = false;
      for (const type of ['cma-registered', 'cma-error', 'cma-cancel']) el.addEventListener(type, () => (fired = true));
      window.postMessage({ type: TYPE, flowId, status: 'succeeded' }, '*');
      window.dispatchEvent(new Event('focus'));
      await new Promise(r => setTimeout(r, 2500)); // a window in which nothing may happen
      expect(fired).to.equal(false);
    } finally {
      held.restore();
    }
  });
});
