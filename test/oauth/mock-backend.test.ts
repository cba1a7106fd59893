/**
 * The mock backend on real origins (mocks/server), seen from a host page: this page (127.0.0.1),
 * the API with its OAuth pages (localhost) and the vendor's authorization server (127.0.0.2).
 * Real window.open, fetch and postMessage; no in-browser MSW worker.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { mockEnv, resetMock, setMock as set, until, type MockEnv } from '../helpers/oauth.js';

interface FlowAnswer {
  status: 'pending' | 'succeeded' | 'failed';
  connectionId?: string;
  error?: { code: string; message: string };
}

describe('mock backend on real origins: OAuth popup across three sites', function () {
  this.timeout(20_000);

  let env: MockEnv;
  let vendor: string;
  let popup: Window | null = null;
  let messages: MessageEvent[] = [];
  const onMessage = (event: MessageEvent) => messages.push(event);

  before(async () => {
    env = await mockEnv();
    vendor = env.oauthVendors[0];
  });

  beforeEach(() => {
    messages = [];
    window.addEventListener('message', onMessage);
  });

  afterEach(async () => {
    window.removeEventListener('message', onMessage);
    popup?.close();
    popup = null;
    await resetMock();
  });

  const postFlow = (body: Record<string, unknown>) =>
    fetch(`${env.apiBase}/apps/${vendor}/oauth/flows`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ values: { site: 'example' }, origin: location.origin, mode: 'popup', ...body }),
    });

  const getFlow = async (flowId: string) => (await (await fetch(`${env.apiBase}/flows/${flowId}`)).json()) as FlowAnswer;

  /** What the host does on a click: open the popup first, then create the flow, then send the popup to it. */
  async function startInPopup() {
    popup = window.open('', `cma-oauth-${Date.now()}`, 'popup,width=600,height=700');
    expect(popup, 'window.open gave a window').to.exist;
    const response = await postFlow({});
    expect(response.status).to.equal(201);
    const flow = (await response.json()) as { flowId: string; authorizeUrl: string; expiresAt: string };
    popup!.location.href = flow.authorizeUrl;
    return flow;
  }

  const settled = (flowId: string) =>
    until(async () => {
      const flow = await getFlow(flowId);
      return flow.status === 'pending' ? undefined : flow;
    }, `flow ${flowId} to end`);

  const resultMessage = (flowId: string) =>
    until(() => messages.find(m => m.origin === env.apiOrigin && (m.data as { flowId?: string })?.flowId === flowId), 'the callback message');

  it('the vendor lets the user in: the host gets a success message from the API origin, and the server agrees', async () => {
    await set({ oauth: { login: 'auto' } });
    const flow = await startInPopup();
    expect(flow.flowId).to.match(/^flow_[0-9a-f]{32}$/);
    expect(flow.authorizeUrl).to.equal(`${env.apiBase}/oauth/start/${flow.flowId}`);
    expect(flow.authorizeUrl).not.to.contain('example');
    expect(Date.parse(flow.expiresAt)).to.be.greaterThan(Date.now());

    const message = await resultMessage(flow.flowId);
    expect(message.source).to.equal(popup);
    const data = message.data as { type: string; flowId: string; status: string; connectionId: string };
    expect(data).to.deep.equal({ type: 'cma:oauth-result', flowId: flow.flowId, status: 'succeeded', connectionId: data.connectionId });
    expect(data.connectionId).to.match(new RegExp(`^conn_${vendor}_\\d{4}$`));

    const server = await getFlow(flow.flowId);
    expect(server).to.deep.include({ status: 'succeeded', connectionId: data.connectionId });
    // the callback page closes itself
    await until(() => popup!.closed, 'the popup to close');
  });

  it('the user refuses at the vendor: the flow ends failed with access_denied', async () => {
    await set({ oauth: { login: 'deny' } });
    const flow = await startInPopup();
    const server = await settled(flow.flowId);
    expect(server.status).to.equal('failed');
    expect(server.error?.code).to.equal('access_denied');
    const data = (await resultMessage(flow.flowId)).data as { status: string; error: { code: string } };
    expect(data.status).to.equal('failed');
    expect(data.error.code).to.equal('access_denied');
  });

  it('the user presses Cancel on the vendor login page: the flow ends failed with access_denied', async () => {
    await set({ oauth: { login: 'form' } });
    const flow = await startInPopup();
    await executeServerCommand('oauth-refuse');
    const server = await settled(flow.flowId);
    expect(server.error?.code).to.equal('access_denied');
  });

  it('the vendor fails for another reason: the flow ends failed with provider_error and the vendor text', async () => {
    await set({ oauth: { login: 'error' } });
    const flow = await startInPopup();
    const server = await settled(flow.flowId);
    expect(server.status).to.equal('failed');
    expect(server.error?.code).to.equal('provider_error');
    expect(server.error?.message).to.contain('down for maintenance');
  });

  it('a vendor page with COOP makes popup.closed read true while the user is still logging in; the flow still succeeds', async () => {
    await set({ oauth: { login: 'form', coop: true } });
    const flow = await startInPopup();
    await until(() => popup!.closed, 'popup.closed to read true');
    // the window is in fact still open, on the vendor's login page
    expect((await getFlow(flow.flowId)).status).to.equal('pending');
    await executeServerCommand('oauth-login', { login: 'alice' });
    const server = await settled(flow.flowId);
    expect(server.status).to.equal('succeeded');
    expect(server.connectionId).to.match(new RegExp(`^conn_${vendor}_\\d{4}$`));
  });

  it('the user logs in and consents on the vendor pages: the host gets the success message', async () => {
    await set({ oauth: { login: 'form' } });
    const flow = await startInPopup();
    await executeServerCommand('oauth-login', { login: 'alice' });
    const data = (await resultMessage(flow.flowId)).data as { status: string; connectionId: string };
    expect(data.status).to.equal('succeeded');
    expect((await getFlow(flow.flowId)).connectionId).to.equal(data.connectionId);
  });

  it('a flow cancelled with DELETE while the user is at the vendor stays gone', async () => {
    await set({ oauth: { login: 'form' } });
    const flow = await startInPopup();
    await executeServerCommand('oauth-wait');
    const response = await fetch(`${env.apiBase}/flows/${flow.flowId}`, { method: 'DELETE' });
    expect(response.status).to.equal(204);
    await executeServerCommand('oauth-login', {});
    const data = (await resultMessage(flow.flowId)).data as { status: string };
    expect(data.status).to.equal('failed');
    expect((await fetch(`${env.apiBase}/flows/${flow.flowId}`)).status).to.equal(404);
  });

  it('a page whose origin the API does not allow gets 403 origin_not_allowed', async () => {
    const response = await postFlow({ origin: 'https://not-allowed.example' });
    expect(response.status).to.equal(403);
    const body = (await response.json()) as { error: { code: string } };
    expect(body.error.code).to.equal('origin_not_allowed');
  });

  it('a redirect-mode flow must return to the page that started it', async () => {
    const elsewhere = await postFlow({ mode: 'redirect', returnTo: 'https://elsewhere.example/back' });
    expect(elsewhere.status).to.equal(400);
    const here = await postFlow({ mode: 'redirect', returnTo: `${location.origin}/back?x=1` });
    expect(here.status).to.equal(201);
  });

  it('the API scenario can be switched at run time', async () => {
    await set({ scenario: 'server-error' });
    expect((await postFlow({})).status).to.equal(503);
    await set({ scenario: 'ok' });
    expect((await postFlow({})).status).to.equal(201);
  });
});
