import { expect, fixture, html } from '@open-wc/testing';
import { http, HttpResponse, delay } from 'msw';
import type { CmaRegisterApp } from '../../src/index.js';
import { recordRequests, useScenario, worker } from '../helpers/msw.js';
import { API, button, input, mount, next, q, text, type } from '../helpers/widget.js';

describe('<cma-register-app> over its life', () => {
  beforeEach(() => useScenario('ok'));
  afterEach(() => worker.resetHandlers());

  it('says what it waits for before a vendor is set and while loading, accessibly', async () => {
    const el = await fixture<CmaRegisterApp>(html`<cma-register-app api-base=${API}></cma-register-app>`);
    expect(text(el)).to.equal('Choose an app to connect.');
    await expect(el).to.be.accessible();
    await useScenario('ok', 500);
    el.vendor = 'mailchimp';
    await el.updateComplete;
    expect(q(el, '[role="status"]')!.textContent).to.contain('Loading…');
    await expect(el).to.be.accessible();
    await next(el, 'cma-ready');
  });

  it('starts over cleanly when the vendor changes, and a late answer for the old vendor does not land', async () => {
    const { el, events } = await mount('24sevenoffice');
    worker.use(
      http.post('*/apps/24sevenoffice/lookups/clients', async () => {
        await delay(400);
        return HttpResponse.json({ options: [{ value: 'late', label: 'Late AS' }] });
      }),
    );
    await type(el, 'username', 'ola');
    await type(el, 'password', 'pw');
    button(el, 'Get Clients').click();
    const firstAttempt = events[0].detail.attemptId;

    const ready = next(el, 'cma-ready');
    el.vendor = 'mailchimp';
    const { detail } = await ready;
    expect(detail.vendor).to.equal('mailchimp');
    expect(detail.attemptId).to.not.equal(firstAttempt);
    await new Promise(r => setTimeout(r, 600));
    await el.updateComplete;
    expect(text(el)).to.contain('Authenticate MailChimp');
    expect(text(el)).not.to.contain('Late AS');
    expect(q(el, '[name="username"]')).to.equal(null);
    expect(events.filter(e => e.type === 'cma-step').map(e => e.detail.step)).to.deep.equal(['login', 'api-key']);
  });

  it('reset() starts a new attempt from the first step with nothing typed', async () => {
    const { el, events } = await mount('24sevenoffice');
    await type(el, 'username', 'ola');
    const ready = next(el, 'cma-ready');
    el.reset();
    const { detail } = await ready;
    await el.updateComplete;
    expect(detail.attemptId).to.not.equal(events[0].detail.attemptId);
    expect(input(el, 'username').value).to.equal('');
  });

  it('cancel() ends the flow and fires cma-cancel; Start again begins anew', async () => {
    const { el } = await mount('mailchimp');
    const cancelled = next(el, 'cma-cancel');
    el.cancel();
    expect((await cancelled).detail).to.include({ step: 'api-key', reason: 'user', vendor: 'mailchimp' });
    await el.updateComplete;
    expect(text(el)).to.contain('Cancelled. Nothing was connected.');
    await expect(el).to.be.accessible();
    const ready = next(el, 'cma-ready');
    button(el, 'Start again').click();
    await ready;
  });

  it('the Cancel button aborts a request in flight, and its answer is dropped', async () => {
    await useScenario('ok', 400);
    const { el, events } = await mount('mailchimp');
    await type(el, 'apiKey', '0123456789abcdef0123456789abcdef-us21');
    button(el, /Authenticate/).click();
    const cancelled = next(el, 'cma-cancel');
    button(el, 'Cancel').click();
    await cancelled;
    await new Promise(r => setTimeout(r, 600));
    expect(events.some(e => e.type === 'cma-registered')).to.equal(false);
  });

  it('takes the session-token attribute, removes it, and sends it as a Bearer token', async () => {
    const log = recordRequests();
    const el = await fixture<CmaRegisterApp>(
      html`<cma-register-app vendor="mailchimp" api-base=${API} session-token="tok_abc123"></cma-register-app>`,
    );
    expect(el.hasAttribute('session-token')).to.equal(false);
    await next(el, 'cma-ready');
    await type(el, 'apiKey', '0123456789abcdef0123456789abcdef-us21');
    const registered = next(el, 'cma-registered');
    button(el, 'Authenticate').click();
    await registered;
    await log.settled();
    log.stop();
    const api = log.api();
    expect(api.length).to.be.greaterThan(1);
    for (const r of api) expect(r.headers.authorization, r.url).to.equal('Bearer tok_abc123');
  });

  it('speaks the language of the nearest lang, falling back to English', async () => {
    const holder = await fixture<HTMLDivElement>(html`<div lang="nb"></div>`);
    const el = document.createElement('cma-register-app');
    el.setAttribute('api-base', API);
    el.vendor = 'mailchimp';
    const ready = next(el, 'cma-ready');
    holder.append(el);
    await ready;
    await el.updateComplete;
    expect(text(el)).to.contain('Lim inn API-nøkkelen fra MailChimp');
    expect(q(el, 'label')!.textContent).to.contain('API-nøkkel');
    el.lang = 'en';
    await el.updateComplete;
    expect(text(el)).to.contain('Paste your MailChimp API key');
  });

  it('takes a lang that names a property of Object (constructor, __proto__) as an unknown language: English', async () => {
    for (const lang of ['constructor', '__proto__', 'toString']) {
      const { el } = await mount('mailchimp', { lang });
      expect(text(el), lang).to.contain('Authenticate MailChimp');
      el.remove();
    }
  });

  it('drops what was typed when it leaves the page, and starts over when it comes back', async () => {
    const { el } = await mount('24sevenoffice');
    await type(el, 'password', 'sekret-pass');
    const parent = el.parentElement!;
    el.remove();
    const ready = next(el, 'cma-ready');
    parent.append(el);
    await ready;
    await el.updateComplete;
    expect(input(el, 'password').value).to.equal('');
  });
});
