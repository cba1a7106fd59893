/**
 * A hostile API (issue 7, "What must exist and hold", item 2): every call of the widget answered
 * with a redirect, an HTML page, JSON of the wrong shape, a huge body, nothing at all, or no network.
 * Each ends in a contract code with a readable message and a way on, with what the user typed
 * (secrets aside) still in the form and no secret anywhere a user or the host page can see.
 * The answers after the user moved on, stalls and echoes of secrets: hostile-api-late.test.ts.
 */
import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { recordRequests, worker } from '../helpers/msw.js';
import { API, button, mount, q, text, until } from '../helpers/widget.js';
import { answer, calls, driveTo, ELSEWHERE, errorsOf, everything, expectWayOn, fill, mountVendor, FLOW_ID, useHostileBed, type Call } from './hostile-bed.js';

const HTML_PAGE = '<!doctype html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><script>alert(1)</script></body></html>';
const HUGE = 5_000_000;

/** Hostile answers any call can get, and the code each must end in. */
const hostile: [string, () => Response, string][] = [
  ['a 302 redirect elsewhere', () => new HttpResponse(null, { status: 302, headers: { Location: ELSEWHERE } }), 'server_error'],
  ['a 307 redirect elsewhere (which would resend the body)', () => new HttpResponse(null, { status: 307, headers: { Location: ELSEWHERE } }), 'server_error'],
  ['an HTML page with 200', () => new HttpResponse(HTML_PAGE, { headers: { 'Content-Type': 'text/html' } }), 'server_error'],
  ['an HTML error page with 502', () => new HttpResponse(HTML_PAGE, { status: 502, headers: { 'Content-Type': 'text/html' } }), 'server_error'],
  ['HTML labelled as JSON', () => new HttpResponse(HTML_PAGE, { headers: { 'Content-Type': 'application/json' } }), 'server_error'],
  ['an empty 200', () => new HttpResponse(null, { status: 200 }), 'server_error'],
  ['JSON null', () => HttpResponse.json(null), 'server_error'],
  ['a JSON array', () => HttpResponse.json([{ connectionId: 'c1', options: [] }]), 'server_error'],
  ['a JSON string', () => HttpResponse.json('ok'), 'server_error'],
  ['an empty JSON object', () => HttpResponse.json({}), 'server_error'],
  ['a 5 MB HTML page', () => new HttpResponse(`<html><body>${'<p>x</p>'.repeat(HUGE / 8)}</body></html>`, { headers: { 'Content-Type': 'text/html' } }), 'server_error'],
  [
    'a 5 MB error message of markup',
    () => HttpResponse.json({ error: { code: 'server_error', message: '<b>'.repeat(HUGE / 3) } }, { status: 500 }),
    'server_error',
  ],
  ['an error body of the wrong shape with 500', () => HttpResponse.json({ error: 'boom', message: 42 }, { status: 500 }), 'server_error'],
  ['a code outside the contract with 418', () => HttpResponse.json({ error: { code: 'teapot', message: 7 } }, { status: 418 }), 'unknown_error'],
  ['an odd 2xx (299) of the wrong shape', () => HttpResponse.json({ weird: true }, { status: 299 }), 'server_error'],
  ['no network', () => HttpResponse.error(), 'network_error'],
];

/** Success statuses with bodies that miss the contract's shape in ways each call can. */
const wrongShapes: Record<Call, [string, () => Response][]> = {
  register: [
    ['201 with a numeric connectionId', () => HttpResponse.json({ connectionId: 42 }, { status: 201 })],
    ['201 with an empty connectionId', () => HttpResponse.json({ connectionId: '' }, { status: 201 })],
    ['202 pending without a flowId', () => HttpResponse.json({ status: 'pending', retryAfter: 1 }, { status: 202 })],
  ],
  'register-2nd-step': [['201 with connectionId null', () => HttpResponse.json({ connectionId: null }, { status: 201 })]],
  grant: [['202 with a flowId that is an object', () => HttpResponse.json({ status: 'pending', flowId: { id: 1 } }, { status: 202 })]],
  lookup: [
    ['options that are not a list', () => HttpResponse.json({ options: 'Nordlys AS' })],
    ['an option without a label', () => HttpResponse.json({ options: [{ value: '1' }] })],
    ['an option with a numeric value', () => HttpResponse.json({ options: [{ value: 1, label: 'One' }] })],
    ['a null among the options', () => HttpResponse.json({ options: [null] })],
  ],
  oauth: [
    ['a flow without authorizeUrl', () => HttpResponse.json({ flowId: 'f', expiresAt: '2030-01-01T00:00:00Z' }, { status: 201 })],
    ['a flow without flowId', () => HttpResponse.json({ authorizeUrl: `${location.origin}/x`, expiresAt: '2030-01-01T00:00:00Z' }, { status: 201 })],
    // the popup is still on about:blank, of this page's origin: a javascript: URL there would run as the host page
    ...['javascript:opener.__pwned=1', 'data:text/html,<script>opener.__pwned=1</script>', 'http://evil.example/start', 'https://u:p@evil.example/start', '//evil.example/start'].map(
      url => [`an authorizeUrl ${url}`, () => HttpResponse.json({ flowId: 'f', authorizeUrl: url, expiresAt: '2030-01-01T00:00:00Z' }, { status: 201 })] as [string, () => Response],
    ),
  ],
  poll: [
    ['an unknown status', () => HttpResponse.json({ status: 'done', connectionId: 'c1' })],
    ['succeeded without connectionId', () => HttpResponse.json({ status: 'succeeded' })],
    ['a status in capitals', () => HttpResponse.json({ status: 'SUCCEEDED', connectionId: 'c1' })],
  ],
  'oauth-poll': [['succeeded with a numeric connectionId', () => HttpResponse.json({ status: 'succeeded', connectionId: 7 })]],
};

describe('a hostile API: every call, every bad answer', function () {
  this.timeout(20_000);
  useHostileBed();

  for (const call of Object.keys(calls) as Call[]) {
    describe(calls[call].what, () => {
      for (const [what, make, code] of [...hostile, ...wrongShapes[call].map(([w, m]) => [w, m, 'server_error'] as const)]) {
        it(`${what} → ${code}, a way on, nothing typed lost`, async () => {
          answer(call, make);
          const log = recordRequests();
          const mounted = await driveTo(call);
          await expectWayOn(mounted, code);
          // a flow the server may still hold is dropped
          if (call === 'poll' || call === 'oauth-poll') {
            await until(() => log.requests.some(r => r.method === 'DELETE' && r.url === `${API}/flows/${FLOW_ID}`), 'the DELETE of the flow');
          }
          await log.settled();
          log.stop();
          // never a request to where a redirect pointed
          expect(log.requests.map(r => r.url).join('\n')).not.to.contain('evil.example');
          expect(errorsOf(mounted.events)).to.have.length(1);
          expect((window as { __pwned?: number }).__pwned, 'script run by the answer').to.equal(undefined);
        });
      }
    });
  }

  for (const mode of ['popup', 'redirect']) {
    it(`POST oauth/flows in ${mode} mode: a javascript: authorizeUrl runs nothing in the host page`, async () => {
      answer('oauth', () => HttpResponse.json({ flowId: 'f', authorizeUrl: `javascript:${mode === 'popup' ? 'opener.' : ''}__pwned=1`, expiresAt: '2030-01-01T00:00:00Z' }, { status: 201 }));
      const mounted = await mountVendor('desk');
      mounted.el.mode = mode as 'popup' | 'redirect';
      await fill(mounted);
      button(mounted.el, 'Log in').click();
      const pwned = () => (window as { __pwned?: number }).__pwned;
      await until(() => errorsOf(mounted.events).length || pwned(), 'an error, or the script run');
      expect(pwned(), 'the script of the answer ran').to.equal(undefined);
      await expectWayOn(mounted, 'server_error');
    });
  }

  it('POST registrations: field messages of markup are dropped, the field keeps its value', async () => {
    answer('register', () =>
      HttpResponse.json({ error: { code: 'invalid_credentials', message: 'No.', fields: { account: '<html><body>Bad Gateway</body></html>', apiKey: 'Revoked.' } } }, { status: 401 }),
    );
    const mounted = await driveTo('register');
    const detail = await expectWayOn(mounted, 'invalid_credentials');
    expect(detail.fields).to.deep.equal(['apiKey']);
    expect(everything(mounted.el.shadowRoot!)).not.to.contain('<html>');
    expect(text(mounted.el)).to.contain('Revoked.');
  });

  describe('DELETE flows/{id}: best effort, never a word to the user', () => {
    for (const [what, make] of hostile) {
      it(`${what}: Cancel still cancels, quietly`, async () => {
        worker.use(http.delete('*/flows/:id', make));
        const log = recordRequests();
        const mounted = await driveTo('grant');
        const { el, events } = mounted;
        await until(() => text(el).includes('Waiting for Acme ERP'), 'the waiting view');
        button(el, 'Cancel').click();
        await until(() => log.requests.some(r => r.method === 'DELETE'), 'the DELETE');
        await log.settled();
        log.stop();
        await el.updateComplete;
        expect(text(el)).to.contain('Cancelled. Nothing was connected.');
        button(el, 'Start again');
        expect(events.map(e => e.type)).to.deep.equal(['cma-ready', 'cma-step', 'cma-cancel']);
        expect(log.requests.filter(r => r.method === 'DELETE' && r.url === `${API}/flows/${FLOW_ID}`), 'one DELETE, never repeated').to.have.length(1);
      });
    }
  });

  describe('GET the descriptor', () => {
    for (const [what, make, code] of [
      ['a 302 redirect elsewhere', () => new HttpResponse(null, { status: 302, headers: { Location: ELSEWHERE } }), 'server_error'],
      ['an HTML error page with 502', () => new HttpResponse(HTML_PAGE, { status: 502, headers: { 'Content-Type': 'text/html' } }), 'server_error'],
      ['an HTML page with 200', () => new HttpResponse(HTML_PAGE, { headers: { 'Content-Type': 'text/html' } }), 'descriptor_invalid'],
      ['a 5 MB HTML page', () => new HttpResponse(`<html>${'<p>x</p>'.repeat(HUGE / 8)}</html>`, { headers: { 'Content-Type': 'text/html' } }), 'descriptor_invalid'],
      ['JSON null', () => HttpResponse.json(null), 'descriptor_invalid'],
      ['a 5 MB error message with 500', () => HttpResponse.json({ error: { code: 'server_error', message: 'x'.repeat(HUGE) } }, { status: 500 }), 'server_error'],
      ['401 with a session_expired body', () => HttpResponse.json({ error: { code: 'session_expired', message: 'Expired.' } }, { status: 401 }), 'session_expired'],
      ['no network', () => HttpResponse.error(), 'network_error'],
    ] as [string, () => Response, string][]) {
      it(`${what} → ${code}, said on screen`, async () => {
        worker.use(http.get('*/vendors/mailchimp.json', make));
        const log = recordRequests();
        const { el, events } = await mount('mailchimp', { ready: false });
        await until(() => errorsOf(events).length, 'cma-error');
        await el.updateComplete;
        await log.settled();
        log.stop();
        const [detail] = errorsOf(events);
        expect(detail.code).to.equal(code);
        const message = String(detail.message);
        expect(message.trim()).not.to.equal('');
        // the first line is the widget's own sentence; a descriptor's problems follow it, each short
        expect(message.split('\n')[0]).not.to.match(/<\/?[a-z!][^>]*>/i);
        expect(message.length).to.be.below(600);
        expect(q(el, '[role="alert"]')!.textContent).to.contain(message.split('\n')[0]);
        if (detail.retryable) button(el, 'Try again');
        expect(log.requests.map(r => r.url).join('\n')).not.to.contain('evil.example');
        expect(text(el).length).to.be.below(2000);
      });
    }
  });
});
