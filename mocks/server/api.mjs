// The ConnectMyApps API on its own origin: the project's MSW handlers (mocks/handlers.ts) served from
// Node, with the OAuth flows in front of them: real flows against the vendors' authorization server
// (PKCE, state, iss, a redirect URI per vendor), a callback page that posts the result to the host.
import { randomBytes } from 'node:crypto';
import { createMiddleware } from '@mswjs/http-middleware';
import express from 'express';
import * as oauth from 'oauth4webapi';

const insecure = { [oauth.allowInsecureRequests]: true }; // the mock AS speaks http on loopback
const randomHex = bytes => randomBytes(bytes).toString('hex');
/** Scenarios in which every API call fails alike: the MSW handlers answer those, OAuth flows included. */
const failingScenarios = new Set(['server-error', 'session-expired', 'rate-limited', 'offline']);

/**
 * @param {object} o
 * @param {string} o.apiOrigin
 * @param {string} o.issuer the authorization server
 * @param {string[]} o.hostOrigins origins allowed to call the API and to receive callback messages
 * @param {Map<string, {client_id: string, client_secret: string, redirect_uri: string, name: string}>} o.clients by vendor
 * @param {object} o.handlers the bundled mocks/handlers.ts
 * @param {{scenario: string, expiresInMs: number, latencyMs?: number}} o.state read on every request
 * @param {{build(): Promise<string|undefined>}} o.callbackScript
 * @param {boolean} [o.testPages] also serve /v1/__test/post (a page on the API's origin that posts given messages to its opener)
 * @returns {{app: import('express').Express, forget(): void}} forget(): drops every OAuth flow this API made
 */
export function createApi({ apiOrigin, issuer, hostOrigins, clients, handlers, state, callbackScript, testPages = false }) {
  const { flows, completeFlow, failFlow, createHandlers } = handlers;
  const allowed = new Set(hostOrigins);
  /** Every OAuth flow this API made, by id; also after a DELETE removed it from `flows`. */
  const records = new Map();
  /** Pending OAuth flows by their `state` (single use). */
  const byState = new Map();
  const latency = () => state.latencyMs ?? (state.scenario === 'slow' ? 3000 : 150);

  let as;
  const discover = async () => {
    if (as) return as;
    const url = new URL(issuer);
    as = await oauth.processDiscoveryResponse(url, await oauth.discoveryRequest(url, insecure));
    return as;
  };

  // The MSW handlers of the current scenario; swapped when the scenario changes.
  let mswScenario;
  let msw;
  const current = () => {
    if (mswScenario !== state.scenario || msw?.latencyMs !== state.latencyMs) {
      msw = { middleware: createMiddleware(...createHandlers(state.scenario, state.latencyMs)), latencyMs: state.latencyMs };
      mswScenario = state.scenario;
    }
    return msw.middleware;
  };

  const api = express();
  api.disable('x-powered-by');
  api.set('etag', false);

  // CORS for the host pages only
  api.use((req, res, next) => {
    const origin = req.headers.origin;
    res.setHeader('Vary', 'Origin');
    if (origin && allowed.has(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Headers', 'content-type, authorization');
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, DELETE');
    }
    if (req.method === 'OPTIONS') return res.sendStatus(204);
    next();
  });

  const wrap = fn => (req, res, next) => Promise.resolve(fn(req, res, next)).catch(next);
  const apiError = (res, status, code, message) => res.status(status).json({ error: { code, message } });

  // POST /v1/apps/:vendor/oauth/flows {values, origin, mode, returnTo?}
  api.post(
    '/v1/apps/:vendor/oauth/flows',
    (req, res, next) => (failingScenarios.has(state.scenario) ? next('route') : next()),
    express.json({ limit: '64kb' }),
    wrap(async (req, res) => {
      await new Promise(r => setTimeout(r, latency()));
      const { vendor } = req.params;
      const body = req.body && typeof req.body === 'object' ? req.body : {};
      const { values = {}, origin, mode = 'popup', returnTo } = body;
      if (typeof origin !== 'string' || !allowed.has(origin)) {
        return apiError(res, 403, 'origin_not_allowed', 'This page is not allowed to connect apps.');
      }
      const client = clients.get(vendor);
      if (!client) return apiError(res, 404, 'unknown_error', `No OAuth app for vendor "${vendor}".`);
      if (typeof values !== 'object' || values === null || Array.isArray(values)) {
        return apiError(res, 400, 'unknown_error', '"values" must be an object.');
      }
      if (mode !== 'popup' && mode !== 'redirect') return apiError(res, 400, 'unknown_error', '"mode" must be "popup" or "redirect".');
      if (mode === 'redirect' && !isReturnTo(returnTo, origin)) {
        return apiError(res, 400, 'unknown_error', '"returnTo" must be an https URL (or http on localhost) on the origin that starts the flow.');
      }
      const id = `flow_${randomHex(16)}`;
      const expiresAt = new Date(Date.now() + state.expiresInMs).toISOString();
      const record = {
        // what GET /flows/:id reports (the MockFlow of mocks/handlers.ts)
        status: 'pending',
        vendor,
        polls: 0,
        expiresAt,
        // what only this server sees
        id,
        values,
        origin,
        mode,
        ...(mode === 'redirect' ? { returnTo } : {}),
        codeVerifier: oauth.generateRandomCodeVerifier(),
        state: randomHex(16),
        binding: randomHex(16),
      };
      records.set(id, record);
      byState.set(record.state, record);
      flows.set(id, record);
      res.status(201).json({ flowId: id, authorizeUrl: `${apiOrigin}/v1/oauth/start/${id}`, expiresAt });
    }),
  );

  const page = (res, status, title, text) => {
    securePage(res);
    res.status(status).type('html').send(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></body></html>`,
    );
  };

  // GET /v1/oauth/start/:flowId: the authorizeUrl; off to the vendor
  api.get(
    '/v1/oauth/start/:flowId',
    wrap(async (req, res) => {
      const record = records.get(req.params.flowId);
      const live = record && flows.get(record.id) === record;
      if (!live) return page(res, 400, 'This link is not valid', 'Start again from the page you came from.');
      if (record.status !== 'pending') return res.redirect(303, `/v1/oauth/done/${record.id}`);
      if (Date.parse(record.expiresAt) <= Date.now()) return page(res, 400, 'This link has expired', 'Start again from the page you came from.');
      const client = clients.get(record.vendor);
      const { authorization_endpoint } = await discover();
      const url = new URL(authorization_endpoint);
      url.search = new URLSearchParams({
        client_id: client.client_id,
        redirect_uri: client.redirect_uri,
        response_type: 'code',
        scope: 'openid',
        state: record.state,
        code_challenge: await oauth.calculatePKCECodeChallenge(record.codeVerifier),
        code_challenge_method: 'S256',
        // the vendor asks for login and consent every time (the mock's vendor keeps a session otherwise)
        prompt: 'login consent',
      }).toString();
      // binds the flow to this browser: the callback must come back with it
      res.cookie(bindingCookie(record.id), record.binding, {
        httpOnly: true,
        sameSite: 'lax',
        secure: req.secure,
        path: new URL(client.redirect_uri).pathname,
        maxAge: Math.max(0, Date.parse(record.expiresAt) - Date.now()),
      });
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('Referrer-Policy', 'no-referrer');
      res.redirect(303, url.href);
    }),
  );

  // GET /v1/oauth/callback/:vendor?code&state&iss (or ?error&error_description): the vendor's answer
  api.get(
    '/v1/oauth/callback/:vendor',
    wrap(async (req, res) => {
      const stateParam = typeof req.query.state === 'string' ? req.query.state : '';
      const record = byState.get(stateParam);
      // the flow must be for the vendor whose redirect URI this is (mix-up defence)
      if (!record || record.vendor !== req.params.vendor) {
        return page(res, 400, 'This sign-in is not valid', 'It may have been used already. Start again from the page you came from.');
      }
      byState.delete(stateParam);
      const client = clients.get(record.vendor);
      res.clearCookie(bindingCookie(record.id), { path: new URL(client.redirect_uri).pathname });
      const done = () => {
        res.setHeader('Cache-Control', 'no-store');
        res.setHeader('Referrer-Policy', 'no-referrer');
        res.redirect(303, `/v1/oauth/done/${record.id}`);
      };
      const fail = (code, message) => {
        if (flows.get(record.id) === record) failFlow(record.id, { code, message });
        else Object.assign(record, { status: 'failed', error: { code, message } });
      };

      if (flows.get(record.id) !== record) {
        fail('unknown_error', 'This connection attempt was cancelled.');
        return done();
      }
      if (Date.parse(record.expiresAt) <= Date.now()) {
        fail('timeout', 'The sign-in took too long. Start again.');
        return done();
      }
      if (readCookie(req, bindingCookie(record.id)) !== record.binding) {
        fail('invalid_callback', 'This sign-in was not started in this browser. Start again.');
        return done();
      }
      const as = await discover();
      const oauthClient = { client_id: client.client_id };
      let params;
      try {
        params = oauth.validateAuthResponse(as, oauthClient, new URL(req.originalUrl, apiOrigin), record.state);
      } catch (e) {
        if (e instanceof oauth.AuthorizationResponseError && e.error === 'access_denied') {
          fail('access_denied', `You did not allow access to ${client.name}.`);
        } else if (e instanceof oauth.AuthorizationResponseError) {
          fail('provider_error', vendorErrorMessage(client.name, e.error_description ?? e.error));
        } else {
          fail('provider_error', `${client.name} answered the sign-in in a way we could not check. Try again.`);
        }
        return done();
      }
      try {
        const response = await oauth.authorizationCodeGrantRequest(
          as,
          oauthClient,
          oauth.ClientSecretBasic(client.client_secret),
          params,
          client.redirect_uri,
          record.codeVerifier,
          insecure,
        );
        await oauth.processAuthorizationCodeResponse(as, oauthClient, response);
      } catch (e) {
        fail('provider_error', vendorErrorMessage(client.name, e?.error_description ?? e?.error));
        return done();
      }
      // the flow may have been cancelled while the code was exchanged
      if (flows.get(record.id) === record) completeFlow(record.id);
      else fail('unknown_error', 'This connection attempt was cancelled.');
      done();
    }),
  );

  // GET /v1/oauth/done/:flowId: the callback page the user sees (no code in its URL)
  api.get('/v1/oauth/done/:flowId', (req, res) => {
    const record = records.get(req.params.flowId);
    if (!record || record.status === 'pending') {
      return page(res, 400, 'This sign-in is not finished', 'Start again from the page you came from.');
    }
    const result = {
      flowId: record.id,
      status: record.status,
      ...(record.status === 'succeeded' ? { connectionId: record.connectionId } : {}),
      ...(record.status === 'failed' && record.error ? { error: record.error } : {}),
      targetOrigin: record.origin,
      mode: record.mode,
      ...(record.mode === 'redirect' ? { returnTo: record.returnTo } : {}),
    };
    const name = clients.get(record.vendor)?.name ?? record.vendor;
    const line = record.status === 'succeeded' ? `${name} is connected.` : `${name} was not connected: ${record.error?.message ?? 'the sign-in failed.'}`;
    securePage(res);
    res.type('html').send(
      `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(name)}</title></head>
<body>
<p>${escapeHtml(line)}</p>
<script type="application/json" id="cma-oauth-result">${JSON.stringify(result).replace(/</g, '\\u003c')}</script>
<script type="module" src="/v1/oauth/callback.js"></script>
<noscript><p>You can close this window and return to the page you came from.</p></noscript>
</body>
</html>
`,
    );
  });

  // the package's callback script (src/oauth/callback.ts → dist/oauth-callback.js)
  api.get(
    '/v1/oauth/callback.js',
    wrap(async (req, res) => {
      const code = await callbackScript.build();
      res.setHeader('Cache-Control', 'no-cache');
      if (code === undefined) return res.status(404).type('text/javascript').send('// src/oauth/callback.ts does not exist yet\n');
      res.type('text/javascript').send(code);
    }),
  );

  if (testPages) {
    // For tests of the widget's message checks: GET /v1/__test/post#<JSON {messages, targetOrigin}> posts
    // each message to window.opener with that targetOrigin, from the API's (the callback page's) origin.
    api.get('/v1/__test/post', (req, res) => {
      res.setHeader('Cache-Control', 'no-store');
      res.type('html').send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>test: post to opener</title></head><body>
<script>
const { messages = [], targetOrigin } = JSON.parse(decodeURIComponent(location.hash.slice(1)) || '{}');
for (const message of messages) window.opener?.postMessage(message, targetOrigin);
document.body.append('posted ' + messages.length + ' message(s)');
</script></body></html>`);
    });
  }

  // everything else under /v1: the MSW handlers of the current scenario
  api.use((req, res, next) => {
    if (!req.path.startsWith('/v1/')) return next();
    // "offline": MSW's HttpResponse.error() has no meaning for a real server; drop the connection
    // instead, so the browser's fetch fails as it does offline (the images still load, as in MSW)
    if (state.scenario === 'offline' && !/^\/v1\/vendors\/[^/]+\/[^/]+$/.test(req.path)) return req.socket.destroy();
    current()(req, res, next);
  });
  api.use((req, res) => apiError(res, 404, 'unknown_error', `No mock for ${req.method} ${req.path}.`));
  // eslint-disable-next-line no-unused-vars
  api.use((err, req, res, next) => {
    const status = err.status >= 400 && err.status < 600 ? err.status : 500;
    if (status >= 500) console.error('[mock api]', err);
    if (!res.headersSent) apiError(res, status, status >= 500 ? 'server_error' : 'unknown_error', err.expose ? err.message : 'The mock API failed.');
  });

  return {
    app: api,
    forget() {
      records.clear();
      byState.clear();
    },
  };
}

const bindingCookie = flowId => `cma_oauth_${flowId}`;

function readCookie(req, name) {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return decodeURIComponent(part.slice(i + 1).trim());
  }
  return undefined;
}

/** https, or http on localhost / 127.0.0.1, on exactly `origin`. */
function isReturnTo(value, origin) {
  if (typeof value !== 'string') return false;
  let url;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  const local = url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname === '127.0.0.1');
  return (url.protocol === 'https:' || local) && url.origin === origin && !url.username && !url.password;
}

/** Readable text from the vendor's error_description: printable, short. */
function vendorErrorMessage(name, description) {
  const text = String(description ?? '').replace(/[\u0000-\u001f\u007f]+/g, ' ').trim().slice(0, 200);
  return text ? `${name} reported a problem: ${text}` : `${name} reported a problem. Try again later.`;
}

function securePage(res) {
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Content-Security-Policy', "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'");
}

const escapeHtml = s => String(s).replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);
