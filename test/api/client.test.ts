import { expect } from '@open-wc/testing';
import { delay, http, HttpResponse, type JsonBodyType } from 'msw';
import { ApiClient } from '../../src/api/client.js';
import { ApiError } from '../../src/api/errors.js';
import { useScenario, worker } from '../helpers/msw.js';

const API = 'https://api.example.com/v1';
const TOKEN = 'tok_session_123';
const SECRET = 'sk_live_very_secret_value';

const client = (options: Partial<ConstructorParameters<typeof ApiClient>[0]> = {}) =>
  new ApiClient({ apiBase: API, sessionToken: TOKEN, ...options });

/** The ApiError a call rejects with (fails the test when it resolves or rejects with something else). */
async function apiError(call: Promise<unknown>): Promise<ApiError> {
  try {
    await call;
  } catch (e) {
    expect(e, String(e)).to.be.instanceOf(ApiError);
    return e as ApiError;
  }
  throw new Error('expected the call to fail');
}

/** What the call rejects with, whatever it is. */
async function rejection(call: Promise<unknown>): Promise<unknown> {
  try {
    await call;
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to fail');
}

interface Seen {
  method: string;
  url: string;
  authorization: string | null;
  headers: string;
  body: string;
}

/** Answers every request with `answer` and records it. */
function recordAll(answer: () => Response | Promise<Response> = () => HttpResponse.json({})) {
  const seen: Seen[] = [];
  worker.use(
    http.all('*', async ({ request }) => {
      seen.push({
        method: request.method,
        url: request.url,
        authorization: request.headers.get('Authorization'),
        headers: JSON.stringify([...request.headers]),
        body: await request.clone().text(),
      });
      return answer();
    }),
  );
  return seen;
}

/** Answers POST /apps/mailchimp/registrations with `answer`. */
const onRegister = (answer: () => Response | Promise<Response>) => worker.use(http.post(`${API}/apps/:vendor/registrations`, answer));
const register = (c = client()) => c.register('mailchimp', { apiKey: SECRET }, undefined);
const contractError = (status: number, error: Record<string, unknown>, headers?: Record<string, string>) =>
  HttpResponse.json({ error }, { status, headers });

describe('ApiClient', () => {
  before(() => useScenario('ok'));
  afterEach(() => worker.resetHandlers());

  describe('answers in the contract shape', () => {
    it('registers: 201 {connectionId, displayName}', async () => {
      onRegister(() => HttpResponse.json({ connectionId: 'conn_1', displayName: 'MailChimp (us21)' }, { status: 201 }));
      expect(await register()).to.deep.equal({ status: 'registered', connectionId: 'conn_1', displayName: 'MailChimp (us21)' });
    });

    it('registers: 202 pending with a flow and retryAfter', async () => {
      onRegister(() => HttpResponse.json({ status: 'pending', flowId: 'flow_9', retryAfter: 3 }, { status: 202 }));
      expect(await register()).to.deep.equal({ status: 'pending', flowId: 'flow_9', retryAfter: 3 });
    });

    it('looks up options, keeping descriptions', async () => {
      worker.use(
        http.post(`${API}/apps/24sevenoffice/lookups/clients`, () =>
          HttpResponse.json({ options: [{ value: '1', label: 'One', description: 'First' }, { value: '2', label: 'Two', extra: true }] }),
        ),
      );
      expect(await client().lookup('24sevenoffice', 'clients', { username: 'ola' })).to.deep.equal([
        { value: '1', label: 'One', description: 'First' },
        { value: '2', label: 'Two' },
      ]);
    });

    it('starts an OAuth flow with values, origin, mode and returnTo in the body', async () => {
      const seen = recordAll(() =>
        HttpResponse.json({ flowId: 'f1', authorizeUrl: 'https://api.example.com/v1/oauth/start/f1', expiresAt: '2030-01-01T00:00:00Z' }, { status: 201 }),
      );
      const flow = await client().startOAuth('zendesk', { values: { subdomain: 'acme' }, origin: 'https://host.example', mode: 'redirect', returnTo: 'https://host.example/apps' });
      expect(flow).to.deep.equal({ flowId: 'f1', authorizeUrl: 'https://api.example.com/v1/oauth/start/f1', expiresAt: '2030-01-01T00:00:00Z' });
      expect(seen[0].method).to.equal('POST');
      expect(seen[0].url).to.equal(`${API}/apps/zendesk/oauth/flows`);
      expect(JSON.parse(seen[0].body)).to.deep.equal({ values: { subdomain: 'acme' }, origin: 'https://host.example', mode: 'redirect', returnTo: 'https://host.example/apps' });
    });

    it('reads a pending, a succeeded and a failed flow', async () => {
      const answers: Record<string, JsonBodyType> = {
        p: { status: 'pending', retryAfter: 4 },
        s: { status: 'succeeded', connectionId: 'conn_7' },
        d: { status: 'failed', error: { code: 'access_denied', message: 'The user said no.' } },
      };
      worker.use(http.get(`${API}/flows/:id`, ({ params }) => HttpResponse.json(answers[params.id as string])));
      const c = client();
      expect(await c.getFlow('p')).to.deep.equal({ status: 'pending', retryAfter: 4 });
      expect(await c.getFlow('s')).to.deep.equal({ status: 'succeeded', connectionId: 'conn_7' });
      expect(await c.getFlow('d')).to.deep.equal({ status: 'failed', error: { code: 'access_denied', message: 'The user said no.' } });
    });

    it("maps a failed flow's unknown code to provider_error", async () => {
      worker.use(http.get(`${API}/flows/:id`, () => HttpResponse.json({ status: 'failed', error: { code: 'vendor_on_fire', message: 'Oops.' } })));
      expect(await client().getFlow('f')).to.deep.equal({ status: 'failed', error: { code: 'provider_error', message: 'Oops.' } });
    });

    it('maps a failed flow without an error to provider_error', async () => {
      worker.use(http.get(`${API}/flows/:id`, () => HttpResponse.json({ status: 'failed' })));
      expect(await client().getFlow('f')).to.deep.equal({ status: 'failed', error: { code: 'provider_error', message: '' } });
    });

    it('puts ids in the path encoded', async () => {
      const seen = recordAll(() => HttpResponse.json({ status: 'pending' }));
      await client().getFlow('a/b?c');
      expect(seen[0].url).to.equal(`${API}/flows/a%2Fb%3Fc`);
    });

    it('joins paths to an api base given with a trailing slash', async () => {
      const seen = recordAll(() => HttpResponse.json({ connectionId: 'c' }, { status: 201 }));
      await register(client({ apiBase: `${API}/` }));
      expect(seen[0].url).to.equal(`${API}/apps/mailchimp/registrations`);
    });
  });

  describe('error codes', () => {
    it("takes the body's contract code, its message and its field messages", async () => {
      onRegister(() =>
        contractError(401, { code: 'invalid_credentials', message: 'MailChimp did not accept this API key.', fields: { apiKey: 'Revoked.', count: 3 } }),
      );
      const error = await apiError(register());
      expect(error.code).to.equal('invalid_credentials');
      expect(error.message).to.equal('MailChimp did not accept this API key.');
      expect(error.fields).to.deep.equal({ apiKey: 'Revoked.' });
      expect(error.retryable).to.equal(true);
    });

    it("lets the body's contract code win over any status", async () => {
      onRegister(() => contractError(500, { code: 'access_denied', message: '' }));
      expect((await apiError(register())).code).to.equal('access_denied');
      onRegister(() => contractError(400, { code: 'invalid_input', message: 'Bad.', fields: { apiKey: 'Too short.' } }));
      const error = await apiError(register());
      expect(error.code).to.equal('invalid_input');
      expect(error.fields).to.deep.equal({ apiKey: 'Too short.' });
    });

    const byStatus: [number, string, boolean][] = [
      [401, 'session_expired', false],
      [403, 'origin_not_allowed', false],
      [429, 'rate_limited', true],
      [500, 'server_error', true],
      [502, 'server_error', true],
      [503, 'server_error', true],
      [400, 'unknown_error', true],
      [404, 'unknown_error', true],
      [409, 'unknown_error', true],
    ];
    for (const [status, code, retryable] of byStatus) {
      it(`maps ${status} without a contract code to ${code}`, async () => {
        onRegister(() => new HttpResponse(null, { status }));
        const error = await apiError(register());
        expect(error.code).to.equal(code);
        expect(error.retryable).to.equal(retryable);
        expect(error.message).to.equal('');
      });
    }

    it('lets the status decide when the body code is not a contract code', async () => {
      onRegister(() => contractError(401, { code: 'token_expired', message: 'Expired.' }));
      expect((await apiError(register())).code).to.equal('session_expired');
      onRegister(() => contractError(422, { code: 'validation_failed', message: 'No.' }));
      expect((await apiError(register())).code).to.equal('unknown_error');
    });

    it('lets the status decide when the error body is not JSON or not the contract shape', async () => {
      onRegister(() => new HttpResponse('<html>Bad gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }));
      expect((await apiError(register())).code).to.equal('server_error');
      onRegister(() => HttpResponse.json({ code: 'invalid_credentials' }, { status: 403 }));
      expect((await apiError(register())).code).to.equal('origin_not_allowed');
    });

    it('reads Retry-After in seconds on 429', async () => {
      onRegister(() => contractError(429, { code: 'rate_limited', message: 'Too many attempts.' }, { 'Retry-After': '5' }));
      const error = await apiError(register());
      expect(error.code).to.equal('rate_limited');
      expect(error.retryAfter).to.equal(5);
    });

    it('reads Retry-After as an HTTP date on 429', async () => {
      const date = new Date(Date.now() + 30_000).toUTCString();
      onRegister(() => new HttpResponse(null, { status: 429, headers: { 'Retry-After': date } }));
      const error = await apiError(register());
      expect(error.code).to.equal('rate_limited');
      expect(error.retryAfter).to.be.within(28, 30);
    });

    it('reads Retry-After only as RFC 9110 allows, and clamps it to 300 s', async () => {
      for (const [header, seconds] of [
        ['0x10', undefined],
        ['1e3', undefined],
        ['-5', undefined],
        ['5.5', undefined],
        ['soon', undefined],
        [' 7 ', 7],
        ['99999999999', 300],
        [new Date(Date.now() + 86_400_000).toUTCString(), 300],
      ] as const) {
        onRegister(() => new HttpResponse(null, { status: 429, headers: { 'Retry-After': header } }));
        expect((await apiError(register())).retryAfter, header).to.equal(seconds);
      }
    });

    it('gives no retryAfter without the header, and 0 for a date in the past', async () => {
      onRegister(() => new HttpResponse(null, { status: 429 }));
      expect((await apiError(register())).retryAfter).to.equal(undefined);
      onRegister(() => new HttpResponse(null, { status: 429, headers: { 'Retry-After': 'Wed, 21 Oct 2015 07:28:00 GMT' } }));
      expect((await apiError(register())).retryAfter).to.equal(0);
    });
  });

  describe('redirects', () => {
    for (const status of [301, 302, 303, 307, 308]) {
      it(`does not follow a ${status} elsewhere with the values: server_error, one request only`, async () => {
        const seen = recordAll(() => new HttpResponse(null, { status, headers: { Location: 'https://evil.example/collect' } }));
        const error = await apiError(register());
        expect(error.code).to.equal('server_error');
        expect(seen.map(r => r.url)).to.deep.equal([`${API}/apps/mailchimp/registrations`]);
      });
    }
  });

  describe('the API base', () => {
    for (const apiBase of ['http://api.example.com/v1', 'https://u:p@api.example.com/v1', 'ftp://api.example.com', 'https://[bad', '']) {
      it(`refuses ${JSON.stringify(apiBase)}: nothing is sent`, () => {
        expect(() => client({ apiBase })).to.throw(ApiError);
      });
    }
    it('takes https anywhere, and http on this machine for development', () => {
      for (const apiBase of ['https://api.example.com/v1', 'http://localhost:8080/v1', 'http://127.0.0.1/v1']) {
        expect(client({ apiBase }).apiBase).to.equal(apiBase);
      }
    });
  });

  describe('answers that are not the contract shape', () => {
    const bad: [string, () => Promise<unknown>, () => Response][] = [
      ['a registration without connectionId or pending flow', () => register(), () => HttpResponse.json({ ok: true }, { status: 201 })],
      ['a registration whose body is not JSON', () => register(), () => new HttpResponse('Created', { status: 201 })],
      ['a registration whose body is an array', () => register(), () => HttpResponse.json([{ connectionId: 'c' }], { status: 201 })],
      ['a lookup without options', () => client().lookup('v', 'clients', {}), () => HttpResponse.json({ clients: [] })],
      ['a lookup with a numeric option value', () => client().lookup('v', 'clients', {}), () => HttpResponse.json({ options: [{ value: 1, label: 'One' }] })],
      ['an OAuth flow without authorizeUrl', () => client().startOAuth('v', { values: {}, origin: 'https://h.example', mode: 'popup' }), () => HttpResponse.json({ flowId: 'f', expiresAt: '2030-01-01T00:00:00Z' })],
      ['a flow with an unknown status', () => client().getFlow('f'), () => HttpResponse.json({ status: 'done' })],
      ['a succeeded flow without connectionId', () => client().getFlow('f'), () => HttpResponse.json({ status: 'succeeded' })],
    ];
    for (const [title, call, answer] of bad) {
      it(`maps ${title} to server_error`, async () => {
        worker.use(http.all('*', answer));
        const error = await apiError(call());
        expect(error.code).to.equal('server_error');
        expect(error.retryable).to.equal(true);
      });
    }
  });

  describe('network', () => {
    it('maps a network failure to network_error', async () => {
      onRegister(() => HttpResponse.error());
      const error = await apiError(register());
      expect(error.code).to.equal('network_error');
      expect(error.timedOut).to.equal(false);
      expect(error.retryable).to.equal(true);
    });

    it('gives up after timeoutMs with network_error and timedOut', async () => {
      onRegister(async () => {
        await delay(1000);
        return HttpResponse.json({ connectionId: 'late' }, { status: 201 });
      });
      const started = performance.now();
      const error = await apiError(register(client({ timeoutMs: 100 })));
      expect(error.code).to.equal('network_error');
      expect(error.timedOut).to.equal(true);
      expect(performance.now() - started).to.be.below(900);
    });

    it('gives up after timeoutMs when the answer starts but its body never ends', async () => {
      worker.use(
        http.post(`${API}/apps/:vendor/lookups/:lookup`, () => {
          const stalled = new ReadableStream({ start: c => c.enqueue(new TextEncoder().encode('{"options": [')) });
          return new HttpResponse(stalled, { headers: { 'Content-Type': 'application/json' } });
        }),
      );
      const started = performance.now();
      const outcome = await Promise.race([
        apiError(client({ timeoutMs: 200 }).lookup('v', 'clients', {})),
        delay(2000).then(() => 'still waiting after 2 s'),
      ]);
      expect(outcome).to.be.instanceOf(ApiError);
      expect((outcome as ApiError).code).to.equal('network_error');
      expect((outcome as ApiError).timedOut).to.equal(true);
      expect(performance.now() - started).to.be.below(1500);
    });

    it("rejects with the caller's abort, not an ApiError", async () => {
      onRegister(async () => {
        await delay(1000);
        return HttpResponse.json({ connectionId: 'late' }, { status: 201 });
      });
      const controller = new AbortController();
      const call = client().register('mailchimp', { apiKey: SECRET }, controller.signal);
      setTimeout(() => controller.abort(), 50);
      const reason = await rejection(call);
      expect(reason).not.to.be.instanceOf(ApiError);
      expect((reason as DOMException).name).to.equal('AbortError');
    });

    it('rejects with the reason the caller aborted with', async () => {
      onRegister(async () => {
        await delay(1000);
        return HttpResponse.json({ connectionId: 'late' }, { status: 201 });
      });
      const controller = new AbortController();
      const superseded = new Error('superseded');
      const call = client().register('mailchimp', { apiKey: SECRET }, controller.signal);
      setTimeout(() => controller.abort(superseded), 50);
      expect(await rejection(call)).to.equal(superseded);
    });

    it('sends nothing for a signal that is already aborted', async () => {
      const seen = recordAll(() => HttpResponse.json({ connectionId: 'c' }, { status: 201 }));
      const reason = await rejection(client().register('mailchimp', { apiKey: SECRET }, AbortSignal.abort()));
      expect(reason).not.to.be.instanceOf(ApiError);
      expect((reason as DOMException).name).to.equal('AbortError');
      expect(seen).to.deep.equal([]);
    });
  });

  describe('session token and secrets', () => {
    it('sends Authorization: Bearer on every call under apiBase', async () => {
      const seen = recordAll(() => HttpResponse.json({ status: 'pending', flowId: 'f1', authorizeUrl: 'https://a.example', expiresAt: 'x', options: [], connectionId: 'c' }));
      const c = client();
      await c.getDescriptor(`${API}/vendors/mailchimp.json`);
      await c.register('mailchimp', { apiKey: SECRET });
      await c.lookup('24sevenoffice', 'clients', {});
      await c.startOAuth('zendesk', { values: {}, origin: 'https://h.example', mode: 'popup' });
      await c.getFlow('f1');
      await c.cancelFlow('f1');
      expect(seen.map(s => `${s.method} ${s.url.replace(API, '')}`)).to.deep.equal([
        'GET /vendors/mailchimp.json',
        'POST /apps/mailchimp/registrations',
        'POST /apps/24sevenoffice/lookups/clients',
        'POST /apps/zendesk/oauth/flows',
        'GET /flows/f1',
        'DELETE /flows/f1',
      ]);
      for (const s of seen) expect(s.authorization, `${s.method} ${s.url}`).to.equal(`Bearer ${TOKEN}`);
    });

    for (const url of [
      'https://cdn.example.com/vendors/mailchimp.json',
      'https://api.example.com/v1evil/vendors/mailchimp.json',
      'https://api.example.com/vendors/mailchimp.json',
      'https://api.example.com/v1/../evil/mailchimp.json',
      'https://api.example.com/v1/%2e%2e/evil/mailchimp.json',
      'https://api.example.com:8443/v1/vendors/mailchimp.json',
      'http://api.example.com/v1/vendors/mailchimp.json',
    ]) {
      it(`sends no token to a descriptor outside apiBase: ${url}`, async () => {
        const seen = recordAll(() => HttpResponse.json({}));
        await client().getDescriptor(url);
        expect(seen.length).to.equal(1);
        expect(seen[0].authorization).to.equal(null);
        expect(seen[0].headers).not.to.contain(TOKEN);
      });
    }

    it('sends the token to a descriptor under apiBase however its URL is spelled', async () => {
      const seen = recordAll(() => HttpResponse.json({}));
      await client().getDescriptor('HTTPS://API.EXAMPLE.COM/v1/vendors/mailchimp.json');
      await client().getDescriptor('https://api.example.com:443/v1/vendors/./mailchimp.json');
      expect(seen.map(s => s.authorization)).to.deep.equal([`Bearer ${TOKEN}`, `Bearer ${TOKEN}`]);
    });

    it('resolves a relative descriptor URL against the page, like fetch does, before deciding', async () => {
      const seen = recordAll(() => HttpResponse.json({}));
      const base = new URL('/v1', document.baseURI).href;
      await client({ apiBase: '/v1' }).getDescriptor('/v1/vendors/mailchimp.json');
      await client({ apiBase: '/v1' }).getDescriptor('/other/mailchimp.json');
      expect(seen.map(s => [s.url, s.authorization])).to.deep.equal([
        [`${base}/vendors/mailchimp.json`, `Bearer ${TOKEN}`],
        [new URL('/other/mailchimp.json', document.baseURI).href, null],
      ]);
    });

    it('sends no Authorization header without a session token', async () => {
      const seen = recordAll(() => HttpResponse.json({ connectionId: 'c' }, { status: 201 }));
      await register(client({ sessionToken: undefined }));
      await register(client({ sessionToken: '' }));
      expect(seen.map(s => s.authorization)).to.deep.equal([null, null]);
    });

    it('puts secrets only in the POST body, never in the URL or a header', async () => {
      const seen = recordAll(() => HttpResponse.json({ connectionId: 'c', flowId: 'f', authorizeUrl: 'https://a.example', expiresAt: 'x', options: [] }, { status: 201 }));
      const c = client();
      await c.register('mailchimp', { apiKey: SECRET });
      await c.lookup('24sevenoffice', 'clients', { username: 'ola', password: SECRET });
      await c.startOAuth('salesforce', { values: { clientSecret: SECRET }, origin: 'https://h.example', mode: 'popup' });
      expect(seen.length).to.equal(3);
      for (const s of seen) {
        expect(s.method).to.equal('POST');
        expect(decodeURIComponent(s.url)).not.to.contain(SECRET);
        expect(s.headers).not.to.contain(SECRET);
        expect(s.body).to.contain(SECRET);
        expect(JSON.parse(s.body).values).to.be.an('object');
      }
    });
  });

  describe('descriptors', () => {
    it('gives the parsed descriptor', async () => {
      worker.use(http.get('https://cdn.example.com/d/acme.json', () => HttpResponse.json({ id: 'acme' })));
      expect(await client().getDescriptor('https://cdn.example.com/d/acme.json')).to.deep.equal({ id: 'acme' });
    });

    it('maps 404 to descriptor_not_found', async () => {
      worker.use(http.get(`${API}/vendors/:file`, () => contractError(404, { code: 'unknown_error', message: 'No vendor.' })));
      const error = await apiError(client().getDescriptor(`${API}/vendors/nope.json`));
      expect(error.code).to.equal('descriptor_not_found');
      expect(error.retryable).to.equal(false);
    });

    it('maps an answer that is not JSON to descriptor_invalid, naming the root', async () => {
      worker.use(http.get(`${API}/vendors/:file`, () => new HttpResponse('<!doctype html><p>Not here</p>', { headers: { 'Content-Type': 'text/html' } })));
      const error = await apiError(client().getDescriptor(`${API}/vendors/mailchimp.json`));
      expect(error.code).to.equal('descriptor_invalid');
      expect(error.retryable).to.equal(false);
      expect(error.message).to.match(/^\(root\): not JSON/);
    });

    it('maps a URL that cannot be fetched to network_error', async () => {
      const seen = recordAll();
      expect((await apiError(client().getDescriptor('https://[bad/vendors/x.json'))).code).to.equal('network_error');
      expect(seen).to.deep.equal([]);
    });

    it('maps other failures like any other call', async () => {
      worker.use(http.get(`${API}/vendors/:file`, () => new HttpResponse(null, { status: 503 })));
      expect((await apiError(client().getDescriptor(`${API}/vendors/mailchimp.json`))).code).to.equal('server_error');
      worker.use(http.get(`${API}/vendors/:file`, () => HttpResponse.error()));
      expect((await apiError(client().getDescriptor(`${API}/vendors/mailchimp.json`))).code).to.equal('network_error');
    });
  });

  describe('cancelFlow', () => {
    it('never throws, whatever the server says', async () => {
      worker.use(http.delete(`${API}/flows/:id`, () => HttpResponse.error()));
      await client().cancelFlow('f1');
      worker.use(http.delete(`${API}/flows/:id`, () => new HttpResponse(null, { status: 500 })));
      expect(await client().cancelFlow('f1')).to.equal(undefined);
    });
  });
});
