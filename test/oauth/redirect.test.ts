import { expect } from '@open-wc/testing';
import { mockEnv, resetMock, setMock, until, type MockEnv } from '../helpers/oauth.js';
import type { Recorded } from '../helpers/widget.js';

type HostWindow = Window & { cmaEvents?: Recorded[] };

/** Redirect mode: the host page itself goes to the vendor and comes back (here in a window of its own). */
describe('<cma-register-app> OAuth in this tab (redirect mode)', () => {
  let env: MockEnv;
  let host: HostWindow | null = null;

  before(async () => {
    env = await mockEnv();
  });
  beforeEach(() => resetMock());
  afterEach(() => host?.close());

  /** Reads from the host window, which is cross-origin (and unreadable) while it is at the vendor. */
  const read = <T>(f: (w: HostWindow) => T): T | undefined => {
    try {
      return f(host!);
    } catch {
      return undefined;
    }
  };
  const widgetButton = (label: string) =>
    read(w =>
      [...(w.document.querySelector('cma-register-app')?.shadowRoot?.querySelectorAll('button') ?? [])].find(
        b => b.textContent!.replace(/\s+/g, ' ').trim() === label,
      ),
    );
  const events = (type: string) => read(w => w.cmaEvents?.filter(e => e.type === type)) ?? [];

  function openHost(query: Record<string, string>) {
    const params = new URLSearchParams({ api: env.apiBase, ...query });
    host = window.open(`/test/oauth/host.html?${params}`, 'host-page', 'popup,width=700,height=800');
  }

  it('goes to the vendor and back, finishes the flow, and takes the flow id out of the URL', async () => {
    await setMock({ oauth: { login: 'auto' } });
    openHost({ vendor: 'salesforce', mode: 'redirect' });
    const login = await until(() => widgetButton('Log in with Salesforce'), 'the widget in the host page');
    const startUrl = host!.location.href;
    login.click();
    const registered = await until(() => events('cma-registered')[0], 'cma-registered after the return', 15000);
    expect(registered.detail).to.include({ vendor: 'salesforce', method: 'oauth2' });
    expect(registered.detail.connectionId).to.match(/^conn_salesforce_/);
    expect(host!.location.href).to.equal(startUrl);
    expect(events('cma-error')).to.deep.equal([]);
  });

  it('a blocked popup can continue in this tab', async () => {
    await setMock({ oauth: { login: 'auto' } });
    openHost({ vendor: 'salesforce' });
    const login = await until(() => widgetButton('Log in with Salesforce'), 'the widget in the host page');
    host!.open = () => null; // the browser blocks popups on this page
    login.click();
    const here = await until(() => widgetButton('Continue in this tab'), 'the way on in this tab');
    expect(events('cma-error').map(e => e.detail.code)).to.deep.equal(['popup_blocked']);
    here.click();
    const registered = await until(() => events('cma-registered')[0], 'cma-registered after the return', 15000);
    expect(registered.detail.connectionId).to.match(/^conn_salesforce_/);
    expect(host!.location.search).to.not.contain('cma_');
  });
});
