/**
 * OAuth in Storybook without a backend. The MSW mock sends the login window to a page of this
 * Storybook that plays the vendor (stories/mock-vendor-page/login.html, served at /mock-vendor/).
 * The user's answer there reaches the mock API in the preview over a BroadcastChannel (as the vendor's
 * redirect reaches a backend's callback), and the page then posts the callback message to the widget,
 * as the backend's callback page does. The widget checks that message and asks the mock API for the
 * flow's outcome, exactly as it does in production.
 */
import { completeFlow, createHandlers, descriptors, failFlow, type OAuthOptions, type Scenario } from '../mocks/handlers.js';

/** What the user does on the vendor's page: allow access, refuse it, or meet a vendor failure. */
export type VendorAnswer = 'allow' | 'deny' | 'fail';

/** The channel the mock vendor page answers on (see login.js). */
const CHANNEL = 'cma-mock-vendor';

/** The mock vendor's login page, on this Storybook's origin (which is the widget's `callback-origin` in every story). */
export const mockVendorPage = new URL('mock-vendor/login.html', document.baseURI).href;

/** `parameters` for a story whose mock API follows `scenario`, with OAuth through the mock vendor page. */
export const mockApi = (scenario: Scenario = 'ok', oauth: OAuthOptions = {}) => ({
  msw: { handlers: createHandlers(scenario, undefined, { authorizePage: mockVendorPage, ...oauth }) },
});

const vendorName = (vendor: string) => {
  const name = (descriptors[vendor] as { name?: string | Record<string, string> } | undefined)?.name;
  return (typeof name === 'string' ? name : name?.en) ?? vendor;
};

let listening = false;

/** Ends the mock API's flows as the vendor page answers them (call once, in the preview). */
export function listenToMockVendor() {
  if (listening) return;
  listening = true;
  new BroadcastChannel(CHANNEL).addEventListener('message', ({ data }: MessageEvent<{ flowId?: unknown; vendor?: unknown; answer?: unknown }>) => {
    const { flowId, vendor, answer } = data ?? {};
    if (typeof flowId !== 'string' || typeof vendor !== 'string') return;
    // the same outcomes, in the same words, as the Node mock's callback (mocks/server/api.mjs)
    const name = vendorName(vendor);
    if (answer === 'allow') completeFlow(flowId);
    else if (answer === 'deny') failFlow(flowId, { code: 'access_denied', message: `You did not allow access to ${name}.` });
    else if (answer === 'fail') failFlow(flowId, { code: 'provider_error', message: `${name} reported a problem: temporarily_unavailable` });
  });
}
