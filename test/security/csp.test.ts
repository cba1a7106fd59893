import { expect } from '@open-wc/testing';
import { mockEnv, resetMock, setMock, until, type MockEnv } from '../helpers/oauth.js';
import type { Recorded } from '../helpers/widget.js';

interface Violation {
  directive: string;
  blockedURI: string;
  sourceFile: string;
  line: number;
  sample: string;
  disposition: string;
}
type HostWindow = Window & {
  cmaEvents?: Recorded[];
  cspViolations?: Violation[];
  trustedTypes?: { createPolicy(name: string, rules: object): unknown };
};

const KEY = '0123456789abcdef0123456789abcdef-us21';
/** The widget's primary button: `--_primary` of src/components/shared.styles.ts (#1d4ed8). */
const PRIMARY = 'rgb(29, 78, 216)';

/**
 * The widget on a host page served with a strict CSP and Trusted Types (test/security/csp-host.html;
 * the header comes from web-test-runner.config.mjs): every flow works and no violation is reported.
 */
describe('<cma-register-app> under a strict CSP with Trusted Types', () => {
  let env: MockEnv;
  let host: HostWindow | null = null;

  before(async () => {
    env = await mockEnv();
  });
  beforeEach(() => resetMock());
  afterEach(() => {
    host?.close();
    host = null;
  });

  /** until(), with the violations recorded so far in the message when it times out. */
  async function waitFor<T>(check: () => T, what: string, ms?: number) {
    try {
      return await until(check, what, ms);
    } catch (error) {
      let seen: unknown;
      try {
        seen = host?.cspViolations;
      } catch {
        seen = 'unreadable';
      }
      throw new Error(`${(error as Error).message}; CSP violations: ${JSON.stringify(seen)}`);
    }
  }

  const url = (query: Record<string, string>) => `/test/security/csp-host.html?${new URLSearchParams({ api: env.apiBase, ...query })}`;

  /** Opens the host page and waits until its widget has rendered something. */
  async function openHost(query: Record<string, string>) {
    host = window.open(url(query), 'csp-host', 'popup,width=700,height=800') as HostWindow;
    await waitFor(() => host!.document.readyState === 'complete' && host!.cmaEvents && widget()?.shadowRoot, 'the widget in the host page');
  }

  const widget = () => host!.document.querySelector('cma-register-app');
  const root = () => widget()!.shadowRoot!;
  const events = (type: string) => host!.cmaEvents!.filter(e => e.type === type);
  const violations = () => host!.cspViolations!;
  const expectNoViolation = () => expect(violations(), `CSP violations: ${JSON.stringify(violations())}`).to.deep.equal([]);
  const label = (b: Element) => b.getAttribute('aria-label') ?? b.textContent!.replace(/\s+/g, ' ').trim();
  const button = (name: string) =>
    [...root().querySelectorAll<HTMLButtonElement>('button')].find(b => label(b) === name && b.getAttribute('aria-disabled') !== 'true');
  const field = <T extends HTMLElement = HTMLInputElement>(name: string) => root().querySelector<T>(`[name="${name}"]`);

  /** Puts text into a field of the host page as a paste does: one insertion, one input event. */
  function paste(name: string, text: string) {
    const input = field(name)!;
    input.focus();
    input.select();
    expect(host!.document.execCommand('insertText', false, text), `insertText into ${name}`).to.equal(true);
    expect(input.value).to.equal(text);
  }

  /** The widget's own CSS applies (adoptedStyleSheets), not the browser's defaults. */
  function expectStyled(submit: HTMLButtonElement) {
    expect(root().adoptedStyleSheets.length).to.be.greaterThan(0);
    const plain = host!.getComputedStyle(host!.document.getElementById('unstyled')!);
    const styled = host!.getComputedStyle(submit);
    expect(plain.backgroundColor).to.not.equal(PRIMARY);
    expect(styled.backgroundColor).to.equal(PRIMARY);
    expect(styled.borderTopLeftRadius).to.equal('6px');
    expect(styled.borderTopLeftRadius).to.not.equal(plain.borderTopLeftRadius);
  }

  /** An <img> of the widget that loaded (img-src allows it; a blocked logo would be hidden). */
  async function expectLoaded(img: HTMLImageElement | null | undefined, what: string) {
    expect(img, what).to.exist;
    img!.scrollIntoView(); // instruction images load lazily
    await waitFor(() => img!.complete && img!.naturalWidth > 0, `${what} loaded`);
    expect(img!.hidden, what).to.equal(false);
  }

  it('the page is served with the policy, and the policy is enforced and reported', async () => {
    const answer = await fetch(url({ vendor: 'mailchimp' }));
    const csp = answer.headers.get('content-security-policy');
    expect(csp).to.equal(
      "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; " +
        `trusted-types lit-html; connect-src 'self' ${env.apiOrigin}; img-src ${env.apiOrigin}`,
    );
    expect(await answer.text()).to.not.match(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script at all
    await openHost({ vendor: 'mailchimp' });
    await waitFor(() => events('cma-ready')[0], 'cma-ready');
    expectNoViolation();

    // a string into a script sink: refused by Trusted Types, and recorded
    const script = host!.document.createElement('script');
    expect(() => {
      script.textContent = 'window.injected = true';
    }).to.throw(/TrustedScript/);
    // a policy of another name: refused
    expect(() => host!.trustedTypes!.createPolicy('other', {})).to.throw(/other/);
    // an inline style attribute: refused (the widget must not need one)
    host!.document.body.setAttribute('style', 'color: red');
    await waitFor(() => violations().length >= 3, 'three violations recorded');
    expect(violations().map(v => v.directive)).to.have.members(['require-trusted-types-for', 'trusted-types', 'style-src-attr']);
  });

  it('MailChimp: the key step renders styled, a pasted key registers', async () => {
    await openHost({ vendor: 'mailchimp' });
    const submit = await waitFor(() => button('Authenticate'), 'the Authenticate button');
    expect(root().textContent).to.contain('Paste your MailChimp API key');
    expectStyled(submit);
    await expectLoaded(root().querySelector<HTMLImageElement>('header img'), 'the logo');
    const instructions = root().querySelector<HTMLElement>('.instructions')!;
    expect(getComputedStyle(instructions.querySelector('.path')!).display, 'the instructions styled').to.equal('inline-flex');
    await expectLoaded(instructions.querySelector('img'), 'the instruction image');

    paste('apiKey', KEY);
    submit.click();
    const registered = await waitFor(() => events('cma-registered')[0], 'cma-registered');
    expect(registered.detail).to.include({ vendor: 'mailchimp', method: 'apiKey' });
    expect(registered.detail.connectionId).to.match(/^conn_mailchimp_/);
    await waitFor(() => root().textContent!.includes('MailChimp is connected'), 'the success message');
    expect(events('cma-error')).to.deep.equal([]);
    expectNoViolation();
  });

  it('the built bundle (dist/cma-register-app.js): MailChimp registers too', async () => {
    await openHost({ vendor: 'mailchimp', bundle: 'dist' });
    const submit = await waitFor(() => button('Authenticate'), 'the Authenticate button');
    expectStyled(submit);
    await expectLoaded(root().querySelector<HTMLImageElement>('header img'), 'the logo');
    paste('apiKey', KEY);
    submit.click();
    const registered = await waitFor(() => events('cma-registered')[0], 'cma-registered');
    expect(registered.detail.connectionId).to.match(/^conn_mailchimp_/);
    expectNoViolation();
  });

  it('24SevenOffice: username and password, Get Clients, a client, Authenticate', async () => {
    await openHost({ vendor: '24sevenoffice' });
    const getClients = await waitFor(() => button('Get Clients'), 'the Get Clients button');
    expectStyled(getClients);
    paste('username', 'ola@nordlys.no');
    paste('password', 'hunter2!');
    getClients.click();

    const select = await waitFor(() => field<HTMLSelectElement>('clientId'), 'the client step');
    await waitFor(() => select.options.length > 1, 'the clients');
    expect([...select.options].map(o => o.textContent)).to.deep.equal(['Choose…', 'Nordlys AS', 'Nordlys Eiendom AS', 'Nordlys Holding AS']);
    select.value = '1002';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    (await waitFor(() => button('Authenticate'), 'the Authenticate button')).click();

    const registered = await waitFor(() => events('cma-registered')[0], 'cma-registered');
    expect(registered.detail).to.include({ vendor: '24sevenoffice', method: 'credentials', displayName: 'Nordlys Eiendom AS' });
    expect(events('cma-error')).to.deep.equal([]);
    expectNoViolation();
  });

  it('Salesforce: OAuth in a popup ends registered', async () => {
    await setMock({ oauth: { login: 'auto' } });
    await openHost({ vendor: 'salesforce' });
    const login = await waitFor(() => button('Log in with Salesforce'), 'the Log in button');
    expectStyled(login);
    login.click();
    const registered = await waitFor(() => events('cma-registered')[0], 'cma-registered after the popup', 15000);
    expect(registered.detail).to.include({ vendor: 'salesforce', method: 'oauth2' });
    expect(registered.detail.connectionId).to.match(/^conn_salesforce_/);
    expect(events('cma-error')).to.deep.equal([]);
    expectNoViolation();
  });

  it('a vendor with no descriptor: the error shows', async () => {
    await openHost({ vendor: 'no-such-vendor' });
    const error = await waitFor(() => events('cma-error')[0], 'cma-error');
    expect(error.detail).to.include({ code: 'descriptor_not_found', vendor: 'no-such-vendor' });
    const alert = await waitFor(() => root().querySelector('[role="alert"]'), 'the alert');
    expect(alert.textContent).to.contain('There is no setup for “no-such-vendor”');
    expect(host!.getComputedStyle(alert).borderInlineStartWidth).to.equal('4px');
    expectNoViolation();
  });

  it('an invalid descriptor: the problems show', async () => {
    await openHost({ descriptor: JSON.stringify({ schemaVersion: 1, id: 'broken', name: 'Broken', method: 'apiKey', steps: [] }) });
    await waitFor(() => events('cma-error')[0], 'cma-error');
    const problems = await waitFor(() => root().querySelector('.problems li')?.parentElement, 'the problems');
    expect(problems.textContent).to.match(/steps/);
    expectNoViolation();
  });
});
