import { expect, fixture, html } from '@open-wc/testing';
import { useScenario, worker } from '../helpers/msw.js';
import { API, next, q } from '../helpers/widget.js';
import type { CmaRegisterApp } from '../../src/index.js';
import mailchimp from '../../mocks/descriptors/mailchimp.json';

/** Places a widget with `attrs` and an inline MailChimp descriptor; resolves once it is ready. */
async function inline(attrs: { descriptorBase?: string } = {}) {
  const el = await fixture<CmaRegisterApp>(html`<cma-register-app api-base=${API}></cma-register-app>`);
  if (attrs.descriptorBase) el.setAttribute('descriptor-base', attrs.descriptorBase);
  const ready = next(el, 'cma-ready');
  el.descriptor = mailchimp;
  await ready;
  await el.updateComplete;
  return el;
}

/** An inline descriptor's relative logo and images resolve where descriptors live, as a fetched one's do. */
describe('<cma-register-app> with an inline descriptor', () => {
  beforeEach(() => useScenario('ok'));
  afterEach(() => worker.resetHandlers());

  it('resolves relative images under api-base/vendors/ when no descriptor-base is set', async () => {
    const el = await inline();
    expect(q<HTMLImageElement>(el, 'header img')!.src).to.equal(`${API}/vendors/logos/mailchimp.svg`);
  });

  it('resolves them under descriptor-base, also a relative one, with or without a trailing slash', async () => {
    for (const base of ['/static/vendors', '/static/vendors/', 'https://cdn.example.com/d']) {
      const el = await inline({ descriptorBase: base });
      const want = new URL(`${base.replace(/\/$/, '')}/logos/mailchimp.svg`, document.baseURI).href;
      expect(q<HTMLImageElement>(el, 'header img')!.src, base).to.equal(want);
      expect(q<HTMLImageElement>(el, '.instructions img')!.src, base).to.match(/\/images\//);
      el.remove();
    }
  });

  it('with a vendor set, the descriptor must be that vendor’s: its id is checked as a fetched one’s is', async () => {
    const el = await fixture<CmaRegisterApp>(html`<cma-register-app api-base=${API} vendor="zendesk"></cma-register-app>`);
    const failed = next(el, 'cma-error');
    el.descriptor = mailchimp;
    const { detail } = await failed;
    expect(detail.code).to.equal('descriptor_invalid');
    expect(detail.message).to.contain('id: "mailchimp" is not the vendor "zendesk"');
    // the vendor that matches: ready, and the API paths use it
    const ready = next(el, 'cma-ready');
    el.vendor = 'mailchimp';
    expect((await ready).detail.vendor).to.equal('mailchimp');
  });
});
