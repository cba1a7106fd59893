import { expect, fixture, html } from '@open-wc/testing';
import { recordRequests, useScenario, worker } from '../helpers/msw.js';
import { API, next, text } from '../helpers/widget.js';

const descriptorGets = (log: ReturnType<typeof recordRequests>, vendor: string) =>
  log.requests.filter(r => r.method === 'GET' && new URL(r.url).pathname === `/v1/vendors/${vendor}.json`);

/** Places `count` widgets for `vendor` in one task, as a page with many of them does. */
async function many(count: number, vendor: string) {
  const holder = await fixture<HTMLDivElement>(html`<div></div>`);
  const widgets = Array.from({ length: count }, () => {
    const el = document.createElement('cma-register-app');
    el.setAttribute('api-base', API);
    el.vendor = vendor;
    return el;
  });
  const settled = widgets.map(el => Promise.race([next(el, 'cma-ready', 8000), next(el, 'cma-error', 8000)]));
  holder.append(...widgets);
  return { widgets, events: await Promise.all(settled) };
}

/** Every widget on a page shares one load of a descriptor. */
describe('<cma-register-app> widgets on one page', () => {
  afterEach(() => worker.resetHandlers());

  it('50 widgets of one vendor make one descriptor request, and every one shows its first step', async () => {
    await useScenario('ok', 50);
    const log = recordRequests();
    const { widgets, events } = await many(50, 'mailchimp');
    await log.settled();
    log.stop();
    expect(events.map(e => e.type)).to.deep.equal(Array(50).fill('cma-ready'));
    expect(descriptorGets(log, 'mailchimp').length).to.equal(1);
    for (const el of widgets) expect(text(el)).to.contain('Authenticate MailChimp');
  });

  it('a failed load is not kept: the next widget asks again, and gets the descriptor', async () => {
    await useScenario('offline');
    const failed = await many(3, 'mailchimp');
    expect(failed.events.map(e => e.detail.code)).to.deep.equal(['network_error', 'network_error', 'network_error']);
    await useScenario('ok');
    const log = recordRequests();
    const { events } = await many(1, 'mailchimp');
    await log.settled();
    log.stop();
    expect(events[0].type).to.equal('cma-ready');
    expect(descriptorGets(log, 'mailchimp').length).to.equal(1);
  });

  it('a widget placed after the first load has ended asks again (the HTTP cache decides what that costs)', async () => {
    await useScenario('ok');
    await many(1, 'mailchimp');
    const log = recordRequests();
    await many(1, 'mailchimp');
    await log.settled();
    log.stop();
    expect(descriptorGets(log, 'mailchimp').length).to.equal(1);
  });

  it('uses a descriptor the page preloaded (<link rel="preload" as="fetch" crossorigin>): one request', async () => {
    await useScenario('ok');
    const log = recordRequests();
    const link = Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous' });
    link.href = `${API}/vendors/zendesk.json`;
    const preloaded = new Promise(r => link.addEventListener('load', r, { once: true }));
    document.head.append(link);
    try {
      await preloaded;
      const { events } = await many(1, 'zendesk');
      expect(events[0].type).to.equal('cma-ready');
      await log.settled();
      expect(descriptorGets(log, 'zendesk').length, 'the preload, used by the widget').to.equal(1);
    } finally {
      link.remove();
      log.stop();
    }
  });
});
