/**
 * The bed of the hostile API suite (hostile-api*.test.ts): four inline vendors that between them make
 * every call of the API, a driver that types into them and submits, answers a test installs for one
 * call, and the checks of what a user and the host page see after a hostile answer.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { http, HttpResponse, type DefaultBodyType, type StrictRequest } from 'msw';
import { ERROR_CODES } from '../../src/errors.js';
import type { CmaRegisterApp } from '../../src/index.js';
import { useScenario, worker } from '../helpers/msw.js';
import { API, button, choose, EVENT_TYPES, input, paste, q, root, until, type Recorded } from '../helpers/widget.js';

export const KEY = 'sk_live_4f9c2a7e81b3d605c9e1f7a2b4d8e03c';
export const PASSWORD = 'Tr0ub4dor&3-horse-battery';
export const CLIENT_SECRET = 'cs_9d1e7b3a5f2c8e4d6b0a1c3e5f7d9b2a';
export const SESSION_TOKEN = 'tok_9f8e7d6c5b4a39281706';

/** An https page no test loads, for redirects and links. */
export const ELSEWHERE = 'https://evil.example/collect';

const text = (name: string, label: string) => ({ name, type: 'text', label, required: true });
const secret = (name: string, label: string) => ({ name, type: 'secret', label, required: true });

/** Inline descriptors, one per kind of call. */
export const vendors = {
  /** apiKey: POST registrations, answered 201. */
  keys: {
    schemaVersion: 1,
    id: 'acme-keys',
    name: 'Acme Keys',
    method: 'apiKey',
    steps: [{ id: 'key', fields: [text('account', 'Account'), secret('apiKey', 'API key')], submit: { kind: 'register', label: 'Connect' } }],
  },
  /** credentials: POST lookups, then POST registrations on the second step (which has Back). */
  books: {
    schemaVersion: 1,
    id: 'acme-books',
    name: 'Acme Books',
    method: 'credentials',
    steps: [
      { id: 'login', fields: [text('username', 'Username'), secret('password', 'Password')], submit: { kind: 'lookup', lookup: 'clients', label: 'Get clients' } },
      { id: 'client', fields: [{ name: 'clientId', type: 'select', label: 'Client', optionsFrom: 'clients', required: true }], submit: { kind: 'register', label: 'Connect' } },
    ],
  },
  /** grant: POST registrations answered 202, then GET flows/{id} until the vendor confirms. */
  erp: {
    schemaVersion: 1,
    id: 'acme-erp',
    name: 'Acme ERP',
    method: 'grant',
    steps: [{ id: 'request', fields: [text('tenant', 'Tenant'), secret('apiKey', 'API key')], submit: { kind: 'register', label: 'Request access' } }],
  },
  /** oauth2: POST oauth/flows, a popup, then GET flows/{id} once the popup is gone. */
  desk: {
    schemaVersion: 1,
    id: 'acme-desk',
    name: 'Acme Desk',
    method: 'oauth2',
    steps: [{ id: 'login', fields: [text('subdomain', 'Subdomain'), secret('clientSecret', 'Client secret')], submit: { kind: 'oauth', label: 'Log in' } }],
  },
} as const;

export type Vendor = keyof typeof vendors;

/** What the user types per vendor: plain values (which must survive any failure) and secrets. */
export const typed: Record<Vendor, { plain: Record<string, string>; secrets: Record<string, string> }> = {
  keys: { plain: { account: 'acme-holding' }, secrets: { apiKey: KEY } },
  books: { plain: { username: 'ola.nordmann' }, secrets: { password: PASSWORD } },
  erp: { plain: { tenant: 'acme-tenant-7' }, secrets: { apiKey: KEY } },
  desk: { plain: { subdomain: 'acme' }, secrets: { clientSecret: CLIENT_SECRET } },
};

export const SECRETS = [KEY, PASSWORD, CLIENT_SECRET, SESSION_TOKEN];

/** The calls of the API, each as the widget makes it for one of the vendors above. */
export type Call = 'register' | 'register-2nd-step' | 'grant' | 'lookup' | 'oauth' | 'poll' | 'oauth-poll';

/** The flow the server creates in this test: one per test, so that no DELETE of a test before counts. */
export let FLOW_ID = 'flow_hostile_0';
let flows = 0;

/** Where a call goes (MSW path patterns), and which vendor makes it. */
export const calls: Record<Call, { vendor: Vendor; method: 'get' | 'post'; path: string; what: string }> = {
  register: { vendor: 'keys', method: 'post', path: '*/apps/acme-keys/registrations', what: 'POST registrations' },
  'register-2nd-step': { vendor: 'books', method: 'post', path: '*/apps/acme-books/registrations', what: 'POST registrations (after a lookup)' },
  grant: { vendor: 'erp', method: 'post', path: '*/apps/acme-erp/registrations', what: 'POST registrations (a grant)' },
  lookup: { vendor: 'books', method: 'post', path: '*/apps/acme-books/lookups/clients', what: 'POST lookups' },
  oauth: { vendor: 'desk', method: 'post', path: '*/apps/acme-desk/oauth/flows', what: 'POST oauth/flows' },
  poll: { vendor: 'erp', method: 'get', path: '*/flows/:id', what: 'GET flows/{id} (a grant)' },
  'oauth-poll': { vendor: 'desk', method: 'get', path: '*/flows/:id', what: 'GET flows/{id} (OAuth, popup closed)' },
};

/** The well-behaved answers the calls get unless a test answers one its own way. */
export function wellBehaved() {
  worker.use(
    http.post('*/apps/acme-erp/registrations', () =>
      HttpResponse.json({ status: 'pending', flowId: FLOW_ID, retryAfter: 1, expiresAt: new Date(Date.now() + 600_000).toISOString() }, { status: 202 }),
    ),
    http.post('*/apps/acme-desk/oauth/flows', () =>
      // a page on this origin that no test serves: the popup has somewhere harmless to go
      HttpResponse.json({ flowId: FLOW_ID, authorizeUrl: `${location.origin}/__no_such_page`, expiresAt: new Date(Date.now() + 600_000).toISOString() }, { status: 201 }),
    ),
    http.get('*/flows/:id', () => HttpResponse.json({ status: 'pending', retryAfter: 1 })),
    http.delete('*/flows/:id', () => new HttpResponse(null, { status: 204 })),
  );
}

type Resolver = (info: { request: StrictRequest<DefaultBodyType> }) => Response | Promise<Response>;

/** Answers `call` with `resolver` (on top of the well-behaved answers). */
export function answer(call: Call, resolver: Resolver) {
  const { method, path } = calls[call];
  worker.use(http[method](path, resolver));
}

/** Answers held back until released: for stalls, and for answers that come after the user moved on. */
export function gate() {
  const waiting: ((r: Response) => void)[] = [];
  let answered = 0;
  return {
    /** A resolver that waits until `release` (counts the requests it got). */
    resolver: (() =>
      new Promise<Response>(resolve => waiting.push(resolve)).then(r => {
        answered += 1;
        return r;
      })) as Resolver,
    /** How many requests are waiting now. */
    get held() {
      return waiting.length;
    },
    get answered() {
      return answered;
    },
    /** Lets every held request answer with what `make` gives. */
    release(make: () => Response = () => HttpResponse.error()) {
      for (const resolve of waiting.splice(0)) resolve(make());
    },
  };
}

export interface Mounted {
  el: CmaRegisterApp;
  events: Recorded[];
  vendor: Vendor;
}

/** Places a widget for `vendor` (inline descriptor, the session token set) and records its events. */
export async function mountVendor(vendor: Vendor): Promise<Mounted> {
  const events: Recorded[] = [];
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  const el = document.createElement('cma-register-app');
  for (const type of EVENT_TYPES) el.addEventListener(type, e => events.push({ type, detail: (e as CustomEvent).detail }));
  el.setAttribute('api-base', API);
  el.sessionToken = SESSION_TOKEN;
  el.descriptor = structuredClone(vendors[vendor]);
  const ready = oneEvent(el, 'cma-ready');
  host.append(el);
  await ready;
  await el.updateComplete;
  return { el, events, vendor };
}

/** Fills the vendor's first step as a user would (paste, as a password manager does). */
export async function fill({ el, vendor }: Mounted) {
  const { plain, secrets } = typed[vendor];
  for (const [name, value] of Object.entries({ ...plain, ...secrets })) await paste(el, name, value);
}

const submitLabel: Record<Vendor, string> = { keys: 'Connect', books: 'Get clients', erp: 'Request access', desk: 'Log in' };

/**
 * Mounts the vendor that makes `call`, and brings it to the point where the call goes out (the steps
 * before answered well). Resolves once the submit that makes the call has been clicked.
 */
export async function driveTo(call: Call): Promise<Mounted> {
  const mounted = await mountVendor(calls[call].vendor);
  const { el } = mounted;
  await fill(mounted);
  if (call === 'register-2nd-step') {
    button(el, 'Get clients').click();
    await until(() => q(el, 'select[name="clientId"]'), 'the second step');
    await choose(el, 'clientId', '1001');
    button(el, 'Connect').click();
    return mounted;
  }
  button(el, submitLabel[mounted.vendor]).click();
  if (call === 'oauth-poll') {
    // the widget asks the server about the flow once its window is gone
    await until(() => popups.at(-1), 'the popup');
    await until(() => root(el).textContent!.includes('in the window that opened'), 'the popup sent to the vendor');
    popups.at(-1)!.close();
  }
  return mounted;
}

/** The windows the widgets opened (closed after each test). */
export const popups: Window[] = [];

/** Every error event so far. */
export const errorsOf = (events: Recorded[]) => events.filter(e => e.type === 'cma-error').map(e => e.detail);

/** Waits for the `n`th cma-error (default: the first). */
export async function errorNumber({ el, events }: Mounted, n = 1, ms = 8000) {
  await until(() => errorsOf(events).length >= n, `cma-error #${n}`, ms);
  await el.updateComplete;
  return errorsOf(events)[n - 1];
}

/** Every attribute and text of the widget, through every shadow root. */
export function everything(node: Element | ShadowRoot): string {
  const out: string[] = [node.textContent ?? ''];
  for (const el of node.querySelectorAll('*')) {
    for (const a of el.attributes) out.push(`${a.name}=${a.value}`);
    if (el.shadowRoot) out.push(everything(el.shadowRoot));
  }
  return out.join('\n');
}

/** The forms of a secret a careless or hostile server might echo. */
export const echoesOf = (s: string) => [s, s.toUpperCase(), encodeURIComponent(s), s.slice(4, 24)];

/** No secret, in any of its forms, in the events or in the widget's DOM. */
export function expectNoSecret({ el, events }: Mounted, forms: (s: string) => string[] = s => [s]) {
  const said = JSON.stringify(events.map(e => e.detail));
  const shown = everything(root(el)) + [...el.attributes].map(a => a.value).join('\n');
  for (const s of SECRETS) {
    for (const form of forms(s)) {
      expect(said, `the events hold ${form}`).not.to.contain(form);
      expect(shown, `the DOM holds ${form}`).not.to.contain(form);
    }
  }
}

const RETRY_IN = / You can try again in \d+ seconds?\.$/;
/** The most characters of a server's message shown (and the ellipsis after a cut). */
const CAP = 301;

/**
 * What a user and the host page must see after a hostile answer: one `cma-error` with `code`, whose
 * message is a sentence (not empty, no markup, within the cap), the same words on screen, a way on,
 * what the user typed (secrets aside) still in the form, no secret anywhere.
 */
export async function expectWayOn(mounted: Mounted, code: string) {
  const { el, events, vendor } = mounted;
  const detail = await errorNumber(mounted);
  expect(ERROR_CODES as readonly string[]).to.include(detail.code);
  expect(detail.code, String(detail.message)).to.equal(code);
  const message = String(detail.message);
  expect(message.trim(), 'the message').not.to.equal('');
  expect(message, 'the message').not.to.match(/<\/?[a-z!][^>]*>/i);
  expect(message.replace(RETRY_IN, '').length, 'the message').to.be.at.most(CAP);
  expect(q(el, '[role="alert"]')?.textContent, 'the alert').to.contain(message.replace(RETRY_IN, ''));
  // a way on: Cancel, and the submit offered again (as Try again after a failed flow)
  button(el, 'Cancel');
  const submit = q<HTMLButtonElement>(el, 'button[part="submit"]');
  expect(submit, 'the submit').to.exist;
  if (code !== 'rate_limited') expect(submit!.getAttribute('aria-disabled'), 'the submit').to.equal('false');
  for (const [name, value] of Object.entries(typed[vendor].plain)) {
    const field = input(el, name);
    if (field) expect(field.value, name).to.equal(value);
  }
  expectNoSecret(mounted);
  return detail;
}

/**
 * Records uncaught errors and unhandled rejections of the page; `check()` fails the test on any.
 * MSW's own "Failed to fetch" of an answer it was told to fail is not the widget's: it is left out.
 */
export function watchUncaught() {
  const seen: unknown[] = [];
  const record = (e: ErrorEvent | PromiseRejectionEvent) => seen.push('reason' in e ? e.reason : (e.error ?? e.message));
  window.addEventListener('error', record);
  window.addEventListener('unhandledrejection', record);
  return {
    check() {
      window.removeEventListener('error', record);
      window.removeEventListener('unhandledrejection', record);
      expect(seen.map(String), 'uncaught errors').to.deep.equal([]);
    },
  };
}

/**
 * The common ground of a hostile test file: the mock API, well-behaved answers, the page's windows
 * recorded and closed, uncaught errors checked after each test.
 */
export function useHostileBed() {
  let uncaught: ReturnType<typeof watchUncaught>;
  const realOpen = window.open;
  beforeEach(async () => {
    await useScenario('ok');
    FLOW_ID = `flow_hostile_${++flows}`;
    wellBehaved();
    uncaught = watchUncaught();
    window.open = function (this: Window, ...args: Parameters<Window['open']>) {
      const popup = realOpen.apply(this, args);
      if (popup) popups.push(popup);
      return popup;
    };
  });
  afterEach(() => {
    delete (window as { __pwned?: number }).__pwned; // what a hostile answer's script would set: one test's failure only
    window.open = realOpen;
    for (const p of popups.splice(0)) p.close();
    worker.resetHandlers();
    uncaught.check();
  });
}

/**
 * Long timers run 100× faster (a 30 s timeout ends in 0.3 s): the platform's clock is sped up, not
 * any code of ours. Short timers (the test's own waits, the widget's polls) keep their time.
 */
export function fastLongTimers() {
  const real = window.setTimeout;
  window.setTimeout = ((fn: TimerHandler, ms?: number, ...args: unknown[]) =>
    real(fn, ms && ms >= 10_000 ? ms / 100 : ms, ...args)) as typeof setTimeout;
  return () => (window.setTimeout = real);
}
