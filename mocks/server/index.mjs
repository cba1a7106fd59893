// The mock backend on real origins, for `npm start` (Vite) and the browser tests (@web/test-runner):
//   host page (given)                     e.g. http://127.0.0.1:5173
//   ConnectMyApps API + OAuth callback    http://localhost:<port>/v1
//   the vendors' authorization server     http://127.0.0.2:<port>  (or http://[::1]:<port>)
// Three sites, as in production: the popup protocol (postMessage origins, COOP) runs for real.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { createApi } from './api.mjs';
import { createAuthorizationServer } from './authorization-server.mjs';
import { callbackScript as createCallbackScript, loadHandlers } from './bundle.mjs';

export const loginModes = ['form', 'auto', 'deny', 'error'];
const defaults = () => ({ scenario: 'ok', login: 'form', coop: false, expiresInMs: 10 * 60_000 });

/** Listens on port 0 of `host`; resolves to the server, or rejects (e.g. no 127.0.0.2 on macOS). */
function listen(server, host) {
  return new Promise((resolve, reject) => {
    const onError = error => reject(error);
    server.once('error', onError);
    server.listen(0, host, () => {
      server.off('error', onError);
      resolve(server);
    });
  });
}

const hostForUrl = host => (host.includes(':') ? `[${host}]` : host);

/** The vendors that connect with OAuth 2 (top-level `method`, or one of their `ways`), from the descriptors. */
function oauthVendors(descriptors) {
  return Object.entries(descriptors)
    .filter(([, d]) => d?.method === 'oauth2' || (Array.isArray(d?.ways) && d.ways.some(w => w?.method === 'oauth2')))
    .map(([id, d]) => ({ id, name: typeof d.name === 'string' ? d.name : (d.name?.en ?? Object.values(d.name ?? {})[0] ?? id) }));
}

/**
 * Starts the API and the authorization server.
 * @param {{hostOrigins: string[], latencyMs?: number, callbackEntry?: string, testPages?: boolean}} options
 *   hostOrigins: the host page origins allowed to call the API and to receive the callback message;
 *   latencyMs: delay of every API answer (default: the handlers' own, 150 ms, 3 s in "slow");
 *   callbackEntry: the callback page's script source (default src/oauth/callback.ts);
 *   testPages: also serve /v1/__test/post (posts given messages to the opener from the API's origin).
 */
export async function startMockServers({ hostOrigins, latencyMs, callbackEntry, testPages = false } = {}) {
  if (!Array.isArray(hostOrigins) || hostOrigins.length === 0) throw new TypeError('startMockServers: hostOrigins is required');
  for (const o of hostOrigins) if (new URL(o).origin !== o) throw new TypeError(`startMockServers: not an origin: ${o}`);

  // listen first: issuer, redirect URIs and CORS need the ports
  let apiApp;
  let asApp;
  const apiServer = createServer((req, res) => apiApp(req, res));
  const asServer = createServer((req, res) => asApp(req, res));
  const servers = [];
  const callbackScript = createCallbackScript(callbackEntry);
  try {
    const [handlers] = await Promise.all([
      loadHandlers(),
      listen(apiServer, '127.0.0.1').then(s => servers.push(s)),
      listen(asServer, '127.0.0.2')
        .catch(() => listen(asServer, '::1'))
        .then(s => servers.push(s)),
    ]);
    const apiOrigin = `http://localhost:${apiServer.address().port}`;
    const asOrigin = `http://${hostForUrl(asServer.address().address)}:${asServer.address().port}`;
    const apiBase = `${apiOrigin}/v1`;

    const clients = new Map(
      oauthVendors(handlers.descriptors).map(({ id, name }) => [
        id,
        { client_id: id, client_secret: randomBytes(24).toString('hex'), redirect_uri: `${apiBase}/oauth/callback/${id}`, name },
      ]),
    );
    const state = { ...defaults(), latencyMs };
    const provider = await createAuthorizationServer({ issuer: asOrigin, clients: [...clients.values()], behaviour: () => state });
    asApp = provider.callback();
    const api = createApi({ apiOrigin, issuer: asOrigin, hostOrigins, clients, handlers, state, callbackScript, testPages });
    apiApp = api.app;

    return {
      apiOrigin,
      apiBase,
      asOrigin,
      /** The vendors the authorization server has a client for. */
      oauthVendors: [...clients.keys()],
      /** The API's scenario (a `Scenario` of mocks/handlers.ts). */
      setScenario(name) {
        if (!handlers.isScenario(name)) throw new TypeError(`Unknown scenario "${name}" (one of ${Object.keys(handlers.scenarios).join(', ')})`);
        state.scenario = name;
      },
      /** What the vendor does: `login` form | auto | deny | error, `coop` on its pages, `expiresInMs` of new flows. */
      setOAuth({ login, coop, expiresInMs } = {}) {
        if (login !== undefined) {
          if (!loginModes.includes(login)) throw new TypeError(`Unknown login mode "${login}" (one of ${loginModes.join(', ')})`);
          state.login = login;
        }
        if (coop !== undefined) state.coop = Boolean(coop);
        if (expiresInMs !== undefined) {
          if (!(Number.isFinite(expiresInMs) && expiresInMs >= 0)) throw new TypeError('expiresInMs must be a number ≥ 0');
          state.expiresInMs = expiresInMs;
        }
      },
      /** Back to the defaults (scenario ok, login form, no COOP, flows live 10 minutes), and no flows. */
      reset() {
        Object.assign(state, defaults());
        handlers.flows.clear();
        api.forget();
      },
      /** The flows the API holds now (a DELETEd one is gone), with the values they were started with. */
      flows() {
        return [...handlers.flows].map(([flowId, f]) => ({
          flowId,
          vendor: f.vendor,
          status: f.status,
          values: f.values ?? {},
          ...(f.connectionId ? { connectionId: f.connectionId } : {}),
          ...(f.error ? { error: f.error } : {}),
          ...(f.mode ? { mode: f.mode, origin: f.origin } : {}),
          ...(f.expiresAt ? { expiresAt: f.expiresAt } : {}),
        }));
      },
      /** Ends a pending flow as the vendor would, with no window; returns its connection id. */
      completeFlow(flowId) {
        const flow = handlers.flows.get(flowId);
        if (!flow) throw new Error(`No flow "${flowId}"`);
        if (flow.status !== 'pending') throw new Error(`Flow "${flowId}" is already ${flow.status}`);
        return handlers.completeFlow(flowId);
      },
      async close() {
        await Promise.all([...servers.map(closeServer), callbackScript.dispose()]);
      },
    };
  } catch (error) {
    await Promise.all([...servers.map(closeServer), callbackScript.dispose()]);
    throw error;
  }
}

function closeServer(server) {
  return new Promise(resolve => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
