import { oneEvent } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/define.js';
import type { MockServers, OAuthBehaviour, ServerFlow } from '../../mocks/server/index.mjs';

export type { ServerFlow } from '../../mocks/server/index.mjs';
import type { CmaRegisterApp } from '../../src/index.js';
import { EVENT_TYPES, until, type Recorded } from './widget.js';

export { until } from './widget.js';

/** Where the mock backend listens (started by the test runner, see web-test-runner.config.mjs). */
export type MockEnv = Pick<MockServers, 'apiBase' | 'apiOrigin' | 'asOrigin' | 'oauthVendors'>;

export const mockEnv = async () => (await executeServerCommand<MockEnv, undefined>('mock-env'))!;
/** How the vendor's login behaves (`oauth`) and which API scenario of mocks/handlers.ts answers. */
export const setMock = (settings: { oauth?: OAuthBehaviour; scenario?: string }) => executeServerCommand('mock-set', settings);
export const resetMock = () => executeServerCommand('mock-reset');
/** Flows the server holds now (a DELETEd flow is gone). */
export const serverFlows = async () => (await executeServerCommand<{ flows: ServerFlow[] }, undefined>('mock-flows'))!.flows;
/** Ends a flow as the vendor would, without any window. */
export const completeOnServer = (flowId: string) => executeServerCommand('mock-complete', { flowId });
/** Waits until the popup shows the vendor's login page (the navigation to the vendor has ended). */
export const vendorPageShown = () => executeServerCommand('oauth-wait');
/** Types a login into the vendor's real login page in the popup and consents. */
export const logInAtVendor = (login = 'ola') => executeServerCommand('oauth-login', { login });

/** The windows the page opens, recorded as they open (window.open still does its real work). */
export function watchPopups(target: Window = window) {
  const opened: (Window | null)[] = [];
  const real = target.open;
  target.open = function (this: Window, ...args: Parameters<Window['open']>) {
    const popup = real.apply(this, args);
    opened.push(popup);
    return popup;
  };
  return {
    opened,
    get last() {
      return opened[opened.length - 1] ?? null;
    },
    /** Makes window.open answer null, as a popup blocker does. */
    block() {
      target.open = function (...args: Parameters<Window['open']>) {
        opened.push(null);
        void args;
        return null;
      };
    },
    restore() {
      target.open = real;
    },
  };
}

/** Places a widget against the mock backend and records its events. */
export async function mountOAuth(vendor: string, env: MockEnv, attrs: Record<string, string> = {}) {
  const events: Recorded[] = [];
  const el = document.createElement('cma-register-app');
  for (const type of EVENT_TYPES) el.addEventListener(type, e => events.push({ type, detail: (e as CustomEvent).detail }));
  el.setAttribute('api-base', env.apiBase);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  const ready = oneEvent(el, 'cma-ready');
  el.vendor = vendor;
  document.body.append(el);
  await ready;
  await el.updateComplete;
  return { el: el as CmaRegisterApp, events };
}

/** Navigates the popup to a page on the API's origin that posts `messages` to its opener. */
export function postFromApiOrigin(popup: Window, env: MockEnv, messages: unknown[], targetOrigin = location.origin) {
  popup.location.href = `${env.apiBase}/__test/post#${encodeURIComponent(JSON.stringify({ messages, targetOrigin }))}`;
}

/**
 * Counts what the page holds from now on: listeners added to window and document (by type) and
 * intervals still set, so a test can check that a widget leaves none behind.
 */
export function countHeld() {
  const listeners = new Map<string, number>();
  const intervals = new Set<number>();
  const bump = (key: string, by: number) => listeners.set(key, (listeners.get(key) ?? 0) + by);
  const originals = {
    windowAdd: window.addEventListener,
    windowRemove: window.removeEventListener,
    documentAdd: document.addEventListener,
    documentRemove: document.removeEventListener,
    setInterval: window.setInterval,
    clearInterval: window.clearInterval,
  };
  const counted = (target: string, original: (...a: unknown[]) => void, by: number) =>
    function (this: unknown, type: string, ...rest: unknown[]) {
      const key = `${target} ${type}`;
      bump(key, by);
      // a listener added with a signal goes when the signal aborts, with no removeEventListener
      const signal = (rest[1] as AddEventListenerOptions | undefined)?.signal;
      if (by > 0 && signal) {
        if (signal.aborted) bump(key, -1);
        else signal.addEventListener('abort', () => bump(key, -1), { once: true });
      }
      return original.call(this, type, ...rest);
    };
  window.addEventListener = counted('window', originals.windowAdd as never, 1) as never;
  window.removeEventListener = counted('window', originals.windowRemove as never, -1) as never;
  document.addEventListener = counted('document', originals.documentAdd as never, 1) as never;
  document.removeEventListener = counted('document', originals.documentRemove as never, -1) as never;
  window.setInterval = ((...args: unknown[]) => {
    const id = (originals.setInterval as (...a: unknown[]) => number).apply(window, args);
    intervals.add(id);
    return id;
  }) as never;
  window.clearInterval = ((id?: number) => {
    intervals.delete(id!);
    originals.clearInterval.call(window, id);
  }) as never;
  return {
    listeners,
    intervals,
    /** True when every listener added since has been removed and every interval cleared. */
    none: () => [...listeners.values()].every(n => n === 0) && intervals.size === 0,
    restore() {
      Object.assign(window, {
        addEventListener: originals.windowAdd,
        removeEventListener: originals.windowRemove,
        setInterval: originals.setInterval,
        clearInterval: originals.clearInterval,
      });
      Object.assign(document, { addEventListener: originals.documentAdd, removeEventListener: originals.documentRemove });
    },
  };
}

/**
 * The common ground of an OAuth test file: the mock backend back to its defaults before each test,
 * the page's windows watched, and every widget and popup gone after. `mount` places a widget
 * against the mock backend; `startLogin` also presses its login button and waits until the popup
 * shows the vendor's login page (a popup sent elsewhere while still on its way there may go on to
 * the vendor anyway), resolving with the flow the server created for it.
 */
export function useOAuthBed() {
  const widgets: CmaRegisterApp[] = [];
  const bed = {
    env: undefined as unknown as MockEnv,
    popups: undefined as unknown as ReturnType<typeof watchPopups>,
    async mount(vendor: string, attrs?: Record<string, string>) {
      const mounted = await mountOAuth(vendor, bed.env, attrs);
      widgets.push(mounted.el);
      return mounted;
    },
    async startLogin(vendor = 'salesforce') {
      const before = new Set((await serverFlows()).map(f => f.flowId));
      const mounted = await bed.mount(vendor);
      mounted.el.shadowRoot!.querySelector<HTMLButtonElement>('button[part="submit"]')!.click();
      await until(() => mounted.el.shadowRoot!.textContent!.includes('in the window that opened'), 'the waiting view');
      const flow = await until(async () => (await serverFlows()).find(f => !before.has(f.flowId)), 'the new flow');
      await vendorPageShown();
      return { ...mounted, flowId: flow.flowId, popup: bed.popups.last! };
    },
  };
  before(async () => {
    bed.env = await mockEnv();
  });
  beforeEach(async () => {
    await resetMock();
    bed.popups = watchPopups();
  });
  afterEach(() => {
    bed.popups.restore();
    for (const w of widgets.splice(0)) w.remove();
    for (const w of bed.popups.opened) w?.close();
  });
  return bed;
}
