import { oneEvent } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/define.js';
import type { OAuthBehaviour } from '../../mocks/server/index.mjs';
import type { CmaRegisterApp } from '../../src/index.js';
import { EVENT_TYPES, type Recorded } from './widget.js';

export { until } from './widget.js';

/** Where the mock backend listens (started by the test runner, see web-test-runner.config.mjs). */
export interface MockEnv {
  apiBase: string;
  apiOrigin: string;
  asOrigin: string;
  /** Vendors the authorization server has a client for. */
  oauthVendors: string[];
}

/** A flow as the mock backend holds it. */
export interface ServerFlow {
  flowId: string;
  vendor: string;
  status: 'pending' | 'succeeded' | 'failed';
  values: Record<string, unknown>;
  connectionId?: string;
}

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
