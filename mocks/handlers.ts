/**
 * A mock of the ConnectMyApps API (contract section 4) for the demo, the tests and Storybook.
 * It answers under any origin and base path, so `api-base` can be anything. A scenario picks
 * which path the mock takes, so that every failure can be seen without a backend.
 */
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { assets } from './assets.js';
import descriptor24so from './descriptors/24sevenoffice.json';
import descriptorMailchimp from './descriptors/mailchimp.json';
import descriptorPowerOfficeGo from './descriptors/poweroffice-go.json';
import descriptorSalesforce from './descriptors/salesforce.json';
import descriptorShopify from './descriptors/shopify.json';
import descriptorZendesk from './descriptors/zendesk.json';
import descriptorKitchenSink from './descriptors/kitchen-sink.json';

export const descriptors: Record<string, unknown> = {
  mailchimp: descriptorMailchimp,
  '24sevenoffice': descriptor24so,
  salesforce: descriptorSalesforce,
  shopify: descriptorShopify,
  zendesk: descriptorZendesk,
  'poweroffice-go': descriptorPowerOfficeGo,
  // a test fixture, not a vendor: every field type and option, showIf and two ways, for the tests and
  // Storybook; last, so that pickers still open on a real vendor
  'kitchen-sink': descriptorKitchenSink,
};

/** Every vendor the mock knows, for pickers. */
export const vendors = Object.keys(descriptors);

export const scenarios = {
  ok: 'Everything works',
  'wrong-key': 'The vendor rejects the API key',
  'wrong-credentials': 'The vendor rejects the username and password',
  'no-clients': 'The login has no clients',
  'one-client': 'The login has exactly one client',
  'server-error': 'The API fails (503)',
  slow: 'Slow network (3 s per call)',
  'session-expired': 'The session token has expired (401)',
  'rate-limited': 'Too many attempts (429, Retry-After: 5)',
  offline: 'The network is down',
  'grant-refused': 'The vendor refuses to grant access',
  'grant-expires': 'The vendor never confirms; the attempt expires after 5 s',
} as const;

export type Scenario = keyof typeof scenarios;

export const isScenario = (s: unknown): s is Scenario => typeof s === 'string' && s in scenarios;

export const clients = [
  { value: '1001', label: 'Nordlys AS' },
  { value: '1002', label: 'Nordlys Eiendom AS' },
  { value: '1003', label: 'Nordlys Holding AS' },
];

/** The vendor's name as its descriptor gives it (in English), or its id for a vendor the mock does not know (an inline descriptor). */
function nameOf(vendor: string): string {
  const name = (descriptors[vendor] as { name?: string | Record<string, string> } | undefined)?.name;
  return typeof name === 'string' ? name : (name?.en ?? (name && Object.values(name)[0]) ?? vendor);
}

/** Options for a lookup of any name: the clients for "clients", three samples named after the lookup otherwise. */
const optionsFor = (lookup: string) =>
  lookup === 'clients' ? clients : ['A', 'B', 'C'].map(x => ({ value: `${lookup}-${x.toLowerCase()}`, label: `Sample ${lookup} ${x}` }));

const apiError = (status: number, code: string, message: string, fields?: Record<string, string>) =>
  HttpResponse.json({ error: { code, message, ...(fields ? { fields } : {}) } }, { status });

let connections = 0;
let flowCount = 0;

interface MockFlow {
  status: 'pending' | 'succeeded' | 'failed';
  vendor: string;
  polls: number;
  grant?: boolean;
  connectionId?: string;
  /** Why a failed flow failed, as `GET /flows/:flowId` reports it. */
  error?: { code: string; message: string };
  /** ISO 8601 deadline of the flow, when it has one. */
  expiresAt?: string;
}

/** Flows the mock holds open: OAuth flows and grants still to be confirmed by the vendor. */
export const flows = new Map<string, MockFlow>();

/** Ends a pending flow as the vendor would (for OAuth, once the user has logged in). Returns its connection id. */
export function completeFlow(flowId: string): string | undefined {
  const flow = flows.get(flowId);
  if (!flow) return undefined;
  flow.status = 'succeeded';
  flow.connectionId = `conn_${flow.vendor}_${String(++connections).padStart(4, '0')}`;
  return flow.connectionId;
}

/** Ends a pending flow with an error (for OAuth: the user refused, or the vendor failed). */
export function failFlow(flowId: string, error: { code: string; message: string }) {
  const flow = flows.get(flowId);
  if (!flow) return;
  flow.status = 'failed';
  flow.error = { code: error.code, message: error.message };
}

/**
 * How the in-browser mock runs OAuth flows. The Node mock (mocks/server/) runs real ones against its
 * own authorization server and ignores these.
 */
export interface OAuthOptions {
  /**
   * The vendor's login page the popup is sent to, with `?flow=<flowId>&origin=<host origin>&vendor=<vendor>`
   * added. Default: `oauth/start` under the API base, which only the Node mock serves.
   */
  authorizePage?: string;
  /** How long a new flow lives before it expires; default 10 minutes. */
  expiresInMs?: number;
}

/** Handlers for one scenario. Pass `latencyMs` to slow every answer down. */
export function createHandlers(
  scenario: Scenario = 'ok',
  latencyMs = scenario === 'slow' ? 3000 : 150,
  oauth: OAuthOptions = {},
): HttpHandler[] {
  const wait = () => delay(latencyMs);

  /** Failures that hit every API call alike (not the descriptor and images, which are static). */
  const commonFailure = () => {
    switch (scenario) {
      case 'server-error':
        return new HttpResponse(null, { status: 503 });
      case 'session-expired':
        return apiError(401, 'session_expired', 'Your session has expired. Reload the page to start again.');
      case 'rate-limited':
        return HttpResponse.json(
          { error: { code: 'rate_limited', message: 'Too many attempts.' } },
          { status: 429, headers: { 'Retry-After': '5' } },
        );
      case 'offline':
        return HttpResponse.error();
      default:
        return undefined;
    }
  };

  return [
    http.get('*/vendors/:dir/:file', async ({ params }) => {
      const svg = assets[`${params.dir}/${params.file}`];
      if (!svg) return new HttpResponse(null, { status: 404 });
      return new HttpResponse(svg, { headers: { 'Content-Type': 'image/svg+xml' } });
    }),

    http.get('*/vendors/:file', async ({ params }) => {
      await wait();
      if (scenario === 'offline') return HttpResponse.error();
      const vendor = String(params.file).replace(/\.json$/, '');
      const descriptor = descriptors[vendor];
      if (!descriptor) return apiError(404, 'descriptor_not_found', `No vendor "${vendor}".`);
      return HttpResponse.json(descriptor);
    }),

    http.post('*/apps/:vendor/lookups/:lookup', async ({ params }) => {
      await wait();
      const failure = commonFailure();
      if (failure) return failure;
      const name = nameOf(String(params.vendor));
      if (scenario === 'wrong-credentials') {
        return apiError(401, 'invalid_credentials', `${name} did not accept this username and password. Check them and try again.`);
      }
      const all = optionsFor(String(params.lookup));
      const options = scenario === 'no-clients' ? [] : scenario === 'one-client' ? all.slice(0, 1) : all;
      return HttpResponse.json({ options });
    }),

    http.post('*/apps/:vendor/registrations', async ({ params, request }) => {
      await wait();
      const failure = commonFailure();
      if (failure) return failure;
      const { values = {} } = (await request.json()) as { values?: Record<string, string> };
      const name = nameOf(String(params.vendor));
      if (scenario === 'wrong-key') {
        // the key's field: apiKey, or whatever the descriptor calls its key or token
        const field = Object.keys(values).find(k => /key|token|secret/i.test(k)) ?? 'apiKey';
        return apiError(401, 'invalid_credentials', `${name} did not accept this API key.`, {
          [field]: `This key was not accepted. It may have been revoked: create a new one in ${name} and paste it here.`,
        });
      }
      if (scenario === 'wrong-credentials') {
        return apiError(401, 'invalid_credentials', `${name} did not accept these details. Check them and try again.`);
      }
      if ((descriptors[String(params.vendor)] as { method?: string } | undefined)?.method === 'grant') {
        // the backend gives the attempt a code to enter in the vendor's system, as in a device flow
        const flowId = `flow_${params.vendor}_${++flowCount}`;
        const expiresAt = new Date(Date.now() + (scenario === 'grant-expires' ? 5_000 : 10 * 60_000)).toISOString();
        flows.set(flowId, { status: 'pending', vendor: String(params.vendor), polls: 0, grant: true, expiresAt });
        const verificationUri = `https://${params.vendor}.example.com/settings/integrations`;
        return HttpResponse.json({ status: 'pending', flowId, retryAfter: 1, userCode: 'KQ7M-4XPD', verificationUri, expiresAt }, { status: 202 });
      }
      const client = clients.find(c => c.value === values.clientId);
      // a key that ends in a data centre (MailChimp's -us21) names the account by it; no other part of a key is shown
      const dataCentre = /-([a-z]{2,4}\d{1,3})$/.exec(String(values.apiKey ?? ''))?.[1];
      const displayName = client?.label ?? (dataCentre ? `${name} (${dataCentre})` : undefined);
      connections += 1;
      return HttpResponse.json(
        { connectionId: `conn_${params.vendor}_${String(connections).padStart(4, '0')}`, ...(displayName ? { displayName } : {}) },
        { status: 201 },
      );
    }),

    http.post('*/apps/:vendor/oauth/flows', async ({ params, request }) => {
      await wait();
      const failure = commonFailure();
      if (failure) return failure;
      const { origin } = (await request.json()) as { origin?: string };
      const flowId = `flow_${params.vendor}_${++flowCount}`;
      const expiresAt = new Date(Date.now() + (oauth.expiresInMs ?? 10 * 60_000)).toISOString();
      flows.set(flowId, { status: 'pending', vendor: String(params.vendor), polls: 0, expiresAt });
      const authorizeUrl = new URL(oauth.authorizePage ?? 'oauth/start', request.url.replace(/apps\/.*$/, ''));
      authorizeUrl.searchParams.set('flow', flowId);
      authorizeUrl.searchParams.set('origin', origin ?? '');
      authorizeUrl.searchParams.set('vendor', String(params.vendor));
      return HttpResponse.json({ flowId, authorizeUrl: authorizeUrl.href, expiresAt }, { status: 201 });
    }),

    http.get('*/flows/:flowId', async ({ params }) => {
      await wait();
      const failure = commonFailure();
      if (failure) return failure;
      const flow = flows.get(String(params.flowId));
      if (!flow) return apiError(404, 'unknown_error', 'No such flow.');
      flow.polls += 1;
      // a grant the vendor confirms on the mock's third poll (or refuses on the second, or never confirms)
      if (flow.grant && scenario === 'grant-refused' && flow.polls >= 2) {
        failFlow(String(params.flowId), { code: 'access_denied', message: 'Access was refused in the vendor’s system.' });
      } else if (flow.grant && scenario !== 'grant-expires' && flow.polls >= 3) completeFlow(String(params.flowId));
      const { status, connectionId, error, expiresAt } = flow;
      return HttpResponse.json({
        status,
        ...(connectionId ? { connectionId } : {}),
        ...(status === 'failed' && error ? { error } : {}),
        ...(status === 'pending' ? { retryAfter: 1, ...(expiresAt ? { expiresAt } : {}) } : {}),
      });
    }),

    http.delete('*/flows/:flowId', ({ params }) => {
      flows.delete(String(params.flowId));
      return new HttpResponse(null, { status: 204 });
    }),
  ];
}

/** The default handlers: everything works. */
export const handlers = createHandlers('ok');
