/**
 * A hostile API, part two: calls that never answer, `Retry-After` and `retryAfter` out of range,
 * answers that come after the user moved on, and answers that echo the user's secrets.
 * Part one (every bad answer of every call): hostile-api.test.ts. Known failures: hostile-api-bugs.test.ts.
 */
import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { recordRequests, worker } from '../helpers/msw.js';
import { API, button, input, mount, next, q, text, until } from '../helpers/widget.js';
import {
  answer,
  calls,
  driveTo,
  echoesOf,
  errorNumber,
  errorsOf,
  expectNoSecret,
  expectWayOn,
  fastLongTimers,
  FLOW_ID,
  gate,
  KEY,
  popups,
  SESSION_TOKEN,
  typed,
  useHostileBed,
  type Call,
  type Mounted,
} from './hostile-bed.js';

const ALL = Object.keys(calls) as Call[];

/** What each call answers when all is well (a late answer, once the user has moved on). */
const goodAnswer: Record<Call, () => Response> = {
  register: () => HttpResponse.json({ connectionId: 'conn_late', displayName: 'Late Ltd' }, { status: 201 }),
  'register-2nd-step': () => HttpResponse.json({ connectionId: 'conn_late' }, { status: 201 }),
  grant: () => HttpResponse.json({ status: 'pending', flowId: FLOW_ID, retryAfter: 1 }, { status: 202 }),
  lookup: () => HttpResponse.json({ options: [{ value: 'late', label: 'Late AS' }] }),
  oauth: () => HttpResponse.json({ flowId: FLOW_ID, authorizeUrl: `${location.origin}/__late`, expiresAt: '2099-01-01T00:00:00Z' }, { status: 201 }),
  poll: () => HttpResponse.json({ status: 'succeeded', connectionId: 'conn_late' }),
  'oauth-poll': () => HttpResponse.json({ status: 'succeeded', connectionId: 'conn_late' }),
};

/** Resolves once the call is on its way and held by `g`. */
async function heldCall(call: Call, g: ReturnType<typeof gate>) {
  answer(call, g.resolver);
  const mounted = await driveTo(call);
  await until(() => g.held === 1, `${calls[call].what} held`);
  return mounted;
}

describe('a hostile API: calls that never answer', function () {
  this.timeout(20_000);
  useHostileBed();
  let held: ReturnType<typeof gate>;
  beforeEach(() => (held = gate()));
  afterEach(() => held.release());

  for (const call of ALL) {
    it(`${calls[call].what}: Cancel still cancels, and Start again offers the first step`, async () => {
      const mounted = await heldCall(call, held);
      const { el, events } = mounted;
      const cancelled = next(el, 'cma-cancel');
      button(el, 'Cancel').click();
      await cancelled;
      await el.updateComplete;
      expect(text(el)).to.contain('Cancelled. Nothing was connected.');
      expect(popups.every(p => p.closed), 'the popup closed').to.equal(true);
      const ready = next(el, 'cma-ready');
      button(el, 'Start again').click();
      await ready;
      await el.updateComplete;
      expect(q(el, 'button[part="submit"]'), 'the first step’s submit').to.exist;
      expect(q(el, 'form'), 'the first step’s form').to.exist;
      expect(errorsOf(events)).to.deep.equal([]);
    });

    it(`${calls[call].what}: gives up at the client's timeout with network_error, and a way on`, async () => {
      const restore = fastLongTimers();
      try {
        const mounted = await heldCall(call, held);
        const detail = await expectWayOn(mounted, 'network_error');
        expect(detail.message).to.equal('The server took too long to answer. Check your connection and try again.');
      } finally {
        restore();
      }
    });
  }

  it('POST registrations whose body starts and never ends: network_error at the timeout', async () => {
    let close: (() => void) | undefined;
    answer('register', () => {
      const stalled = new ReadableStream({
        start: c => {
          c.enqueue(new TextEncoder().encode('{"connectionId": "conn_'));
          close = () => c.close();
        },
      });
      return new HttpResponse(stalled, { status: 201, headers: { 'Content-Type': 'application/json' } });
    });
    const restore = fastLongTimers();
    try {
      await expectWayOn(await driveTo('register'), 'network_error');
    } finally {
      restore();
      close?.();
    }
  });

  it('GET the descriptor: Loading… ends at the timeout with network_error and Try again', async () => {
    worker.use(http.get('*/vendors/mailchimp.json', held.resolver));
    const restore = fastLongTimers();
    try {
      const { el, events } = await mount('mailchimp', { ready: false });
      await until(() => errorsOf(events).length, 'cma-error');
      await el.updateComplete;
      expect(errorsOf(events)[0]).to.include({ code: 'network_error', retryable: true });
      button(el, 'Try again');
    } finally {
      restore();
    }
  });
});

describe('a hostile API: Retry-After and retryAfter out of range', function () {
  this.timeout(20_000);
  useHostileBed();

  const inAYear = () => new Date(Date.now() + 365 * 86_400_000).toUTCString();
  const inAMinute = () => new Date(Date.now() + 60_000).toUTCString();
  for (const [header, wait] of [
    ['1000000000000', 300],
    ['1e12', 0],
    ['-5', 0],
    ['0x10', 0],
    ['0', 0],
    ['soon', 0],
    ['5, 7', 0],
    ['Wed, 21 Oct 2015 07:28:00 GMT', 0],
    [inAMinute, 60],
    [inAYear, 300],
  ] as [string | (() => string), number][]) {
    const name = typeof header === 'string' ? header : header === inAYear ? 'a date a year ahead' : 'a date a minute ahead';
    it(`429 with Retry-After: ${name} → rate_limited, ${wait ? `held ${wait} s at most` : 'not held'}`, async () => {
      answer('register', () =>
        HttpResponse.json({ error: { code: 'rate_limited', message: 'Slow down.' } }, { status: 429, headers: { 'Retry-After': typeof header === 'string' ? header : header() } }),
      );
      const mounted = await driveTo('register');
      const detail = await expectWayOn(mounted, 'rate_limited');
      const submit = q(mounted.el, 'button[part="submit"]')!;
      if (wait) {
        const said = Number(/try again in (\d+) seconds?/.exec(String(detail.message))?.[1]);
        expect(said).to.be.within(wait - 2, wait);
        expect(submit.getAttribute('aria-disabled')).to.equal('true');
      } else {
        expect(detail.message).to.equal('Slow down.');
        expect(submit.getAttribute('aria-disabled')).to.equal('false');
      }
    });
  }

  for (const [what, retryAfter, atMost] of [
    ['negative', -5, 3],
    ['zero', 0, 3],
    ['a string', '0', 2],
    ['too large for a double (1e400)', '__INF__', 2],
    ['huge', 1e12, 1],
  ] as [string, unknown, number][]) {
    it(`a grant whose retryAfter is ${what}: polls at a sane pace, and Cancel ends it`, async () => {
      // a number JSON can hold and JavaScript cannot: 1e400 parses as Infinity
      const body = JSON.stringify({ status: 'pending', flowId: FLOW_ID, retryAfter: 1 }).replace('"retryAfter":1', `"retryAfter":${retryAfter === '__INF__' ? '1e400' : JSON.stringify(retryAfter)}`);
      answer('grant', () => new HttpResponse(body, { status: 202, headers: { 'Content-Type': 'application/json' } }));
      let polls = 0;
      answer('poll', () => {
        polls += 1;
        return new HttpResponse(body.replace(`,"flowId":"${FLOW_ID}"`, ''), { headers: { 'Content-Type': 'application/json' } });
      });
      const { el, events } = await driveTo('grant');
      await until(() => text(el).includes('Waiting for Acme ERP'), 'the waiting view');
      // a window in which a hot loop would poll hundreds of times; at 1 s or more apart, a few at most
      await new Promise(r => setTimeout(r, 2500));
      expect(polls).to.be.at.most(atMost);
      const cancelled = next(el, 'cma-cancel');
      button(el, 'Cancel').click();
      await cancelled;
      expect(errorsOf(events)).to.deep.equal([]);
    });
  }

  it('a grant whose expiresAt has passed: timeout, with Try again', async () => {
    answer('grant', () => HttpResponse.json({ status: 'pending', flowId: FLOW_ID, retryAfter: 1, expiresAt: '2001-01-01T00:00:00Z' }, { status: 202 }));
    const detail = await expectWayOn(await driveTo('grant'), 'timeout');
    expect(detail.message).to.contain('took too long');
  });

  it('a grant whose expiresAt is not a date: still waits, then finishes', async () => {
    answer('grant', () => HttpResponse.json({ status: 'pending', flowId: FLOW_ID, retryAfter: 1, expiresAt: 'tomorrow-ish' }, { status: 202 }));
    answer('poll', () => HttpResponse.json({ status: 'succeeded', connectionId: 'conn_ok' }));
    const { el, events } = await driveTo('grant');
    await until(() => events.some(e => e.type === 'cma-registered'), 'cma-registered');
    await el.updateComplete;
    expect(text(el)).not.to.contain('Time left');
  });
});

/** What the user can do while a call is on its way, each leaving the widget somewhere else. */
const moves: Record<string, { applies: (call: Call) => boolean; make: (m: Mounted) => Promise<void> }> = {
  Cancel: {
    applies: () => true,
    make: async ({ el }) => {
      button(el, 'Cancel').click();
      await until(() => text(el).includes('Cancelled'), 'the cancelled view');
    },
  },
  Back: {
    applies: call => call === 'register-2nd-step',
    make: async ({ el }) => {
      button(el, 'Back').click();
      await until(() => q(el, '[name="username"]'), 'the first step');
    },
  },
  'a vendor change': {
    applies: () => true,
    make: async ({ el }) => {
      const ready = next(el, 'cma-ready');
      el.descriptor = undefined;
      el.vendor = 'mailchimp';
      await ready;
    },
  },
  'reset()': {
    applies: () => true,
    make: async ({ el }) => {
      const ready = next(el, 'cma-ready');
      el.reset();
      await ready;
    },
  },
  'removal from the page': {
    applies: () => true,
    make: async ({ el }) => el.remove(),
  },
};

/** The screen as a user sees it: the text, and the value of every input. */
const screen = ({ el }: Mounted) =>
  `${text(el)} | ${[...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input, select, textarea')].map(i => `${i.name}=${i.value}`).join(' ')}`;

describe('a hostile API: answers after the user moved on', function () {
  this.timeout(20_000);
  useHostileBed();

  for (const call of ALL) {
    for (const [move, { applies, make }] of Object.entries(moves)) {
      if (!applies(call)) continue;
      it(`${calls[call].what}, answered after ${move}: nothing changes, no event`, async () => {
        const held = gate();
        const log = recordRequests();
        const mounted = await heldCall(call, held);
        await make(mounted);
        await mounted.el.updateComplete;
        const before = screen(mounted);
        const eventsBefore = mounted.events.length;
        held.release(goodAnswer[call]);
        await until(() => held.answered === 1, 'the late answer');
        // the one fixed wait: a window in which the late answer must change nothing
        await new Promise(r => setTimeout(r, 400));
        await mounted.el.updateComplete;
        expect(screen(mounted)).to.equal(before);
        expect(mounted.events.slice(eventsBefore).map(e => e.type)).to.deep.equal([]);
        expect(popups.every(p => p.closed), 'the popup closed').to.equal(true);
        // a flow the server holds for the attempt is dropped
        if (call === 'poll' || call === 'oauth-poll' || call === 'oauth') {
          await until(() => log.requests.some(r => r.method === 'DELETE' && r.url === `${API}/flows/${FLOW_ID}`), 'the DELETE of the flow');
        }
        log.stop();
      });
    }
  }
});

describe('a hostile API: answers that echo secrets', function () {
  this.timeout(20_000);
  useHostileBed();

  /** A message naming every secret of the call in its exact, upper-cased and URL-encoded forms. */
  const echo = (call: Call) => {
    const secrets = [...Object.values(typed[calls[call].vendor].secrets), SESSION_TOKEN];
    return secrets.flatMap(s => echoesOf(s).slice(0, 3)).map(s => `«${s}»`).join(', ');
  };
  const field = (call: Call) => Object.keys(typed[calls[call].vendor].plain)[0];

  for (const call of ALL) {
    it(`${calls[call].what}: an error that echoes the secrets, exact, in capitals and URL-encoded, shows none`, async () => {
      const message = `Rejected ${echo(call)}.`;
      answer(call, () =>
        HttpResponse.json({ error: { code: 'invalid_credentials', message, fields: { [field(call)]: `Not for ${echo(call)}` } } }, { status: 401 }),
      );
      const mounted = await driveTo(call);
      const detail = await errorNumber(mounted);
      expect(detail.code).to.equal('invalid_credentials');
      expect(detail.message).to.match(/^Rejected («•••», )+«•••»\.$/);
      expectNoSecret(mounted, s => echoesOf(s).slice(0, 3));
    });
  }

  it('GET flows/{id}: a failed flow whose error echoes the secrets shows none', async () => {
    answer('poll', () => HttpResponse.json({ status: 'failed', error: { code: 'access_denied', message: `Refused for ${echo('poll')}` } }));
    const mounted = await driveTo('poll');
    const detail = await errorNumber(mounted);
    expect(detail.code).to.equal('access_denied');
    expectNoSecret(mounted, s => echoesOf(s).slice(0, 3));
  });

  it('POST registrations: a displayName that echoes the key shows none, in the event or on screen', async () => {
    answer('register', () => HttpResponse.json({ connectionId: 'conn_1', displayName: `Acme (${KEY.toUpperCase()})` }, { status: 201 }));
    const mounted = await driveTo('register');
    await until(() => mounted.events.some(e => e.type === 'cma-registered'), 'cma-registered');
    await mounted.el.updateComplete;
    expectNoSecret(mounted, s => echoesOf(s).slice(0, 3));
  });

  it('POST registrations: a 5 MB displayName is cut to what a person reads', async () => {
    answer('register', () => HttpResponse.json({ connectionId: 'conn_1', displayName: 'A'.repeat(5_000_000) }, { status: 201 }));
    const mounted = await driveTo('register');
    await until(() => mounted.events.some(e => e.type === 'cma-registered'), 'cma-registered', 10_000);
    await mounted.el.updateComplete;
    const registered = mounted.events.find(e => e.type === 'cma-registered')!;
    expect(String(registered.detail.displayName).length).to.be.at.most(301);
    expect(text(mounted.el).length).to.be.below(2000);
  });

  it('the typed values stay, secrets included, after an echoing rejection', async () => {
    answer('register', () => HttpResponse.json({ error: { code: 'invalid_credentials', message: `Bad key ${KEY}` } }, { status: 401 }));
    const mounted = await driveTo('register');
    await errorNumber(mounted);
    expect(input(mounted.el, 'account').value).to.equal('acme-holding');
    expect(input(mounted.el, 'apiKey').value).to.equal(KEY);
  });
});
