import { expect } from '@open-wc/testing';
import { recordRequests, useScenario, worker } from '../helpers/msw.js';
import { button, input, mount, next, paste, q, text, until } from '../helpers/widget.js';

const ORG = '987654321';

/** A vendor that grants access from its own system: the user does it there, the widget waits for the server. */
describe('<cma-register-app> with access granted in the vendor’s own system', () => {
  afterEach(() => worker.resetHandlers());

  async function startGrant(scenario: Parameters<typeof useScenario>[0] = 'ok') {
    await useScenario('ok');
    const mounted = await mount('poweroffice-go');
    await useScenario(scenario);
    expect(text(mounted.el)).to.contain('Settings');
    await paste(mounted.el, 'orgNumber', ORG);
    button(mounted.el, 'I have granted access').click();
    await until(() => text(mounted.el).includes('Waiting for PowerOffice Go to confirm access…'), 'the waiting view');
    return mounted;
  }

  it('keeps the instructions while it waits, shows the attempt’s code, link and time left, and ends registered', async () => {
    const log = recordRequests();
    const { el, events } = await startGrant();
    const registered = next(el, 'cma-registered', 8000);
    // the instructions stay: the user is doing what they say
    expect(q(el, '.instructions')!.textContent).to.contain('Integrations');
    expect(q(el, '#user-code')!.textContent).to.equal('KQ7M-4XPD');
    const link = [...el.shadowRoot!.querySelectorAll('a')].find(a => a.textContent!.includes('Open PowerOffice Go'))!;
    expect(link.href).to.equal('https://poweroffice-go.example.com/settings/integrations');
    expect(link.rel).to.contain('noopener');
    expect(text(el)).to.match(/Time left: (10:00|0?9:5\d)/);
    expect(button(el, 'Cancel')).to.exist;
    await expect(el).to.be.accessible();

    const { detail } = await registered;
    expect(detail).to.include({ vendor: 'poweroffice-go', method: 'grant' });
    await log.settled();
    log.stop();
    const register = log.api().find(r => r.method === 'POST')!;
    expect(JSON.parse(register.body)).to.deep.equal({ values: { orgNumber: ORG } });
    expect(events.filter(e => e.type === 'cma-error')).to.deep.equal([]);
  });

  it('counts the time left down while it waits, as a clock through Intl.DurationFormat', async () => {
    const { el } = await startGrant();
    const first = text(el).match(/Time left: (\d+:\d\d)/)![1];
    await until(() => text(el).match(/Time left: (\d+:\d\d)/)![1] !== first, 'the time left to change');
    await until(() => /Time left: 09:5\d/.test(text(el)), 'the time left as Intl.DurationFormat writes it (09:59)');
  });

  it('counts down as m:ss in a browser without Intl.DurationFormat', async () => {
    const own = Object.getOwnPropertyDescriptor(Intl, 'DurationFormat');
    delete (Intl as { DurationFormat?: unknown }).DurationFormat;
    try {
      const { el } = await startGrant();
      await until(() => /Time left: 9:5\d/.test(text(el)), 'the time left as m:ss (9:59)');
    } finally {
      if (own) Object.defineProperty(Intl, 'DurationFormat', own);
    }
  });

  it('puts the code on the clipboard, or selects it where the page may not', async () => {
    const { el } = await startGrant();
    button(el, 'Copy code').click();
    await until(
      () => button(el, /^(Copy code|Copied)$/).textContent!.trim() === 'Copied' || getSelection()?.toString() === 'KQ7M-4XPD',
      'the code copied or selected',
    );
  });

  it('the vendor refuses: a clear error, Try again, and what was typed is still there', async () => {
    const { el } = await startGrant('grant-refused');
    const { detail } = await next(el, 'cma-error', 8000);
    expect(detail).to.include({ code: 'access_denied', retryable: true, step: 'grant' });
    await el.updateComplete;
    expect(q(el, '.alert')!.textContent).to.contain('refused');
    expect(button(el, 'Try again')).to.exist;
    expect(input(el, 'orgNumber').value).to.equal(ORG);
    await expect(el).to.be.accessible();
  });

  it('the attempt expires before the vendor confirms: timeout, and the flow is dropped', async () => {
    const log = recordRequests();
    const { el } = await startGrant('grant-expires');
    const { detail } = await next(el, 'cma-error', 10000);
    expect(detail).to.include({ code: 'timeout', retryable: true });
    await until(() => log.requests.some(r => r.method === 'DELETE'), 'the DELETE of the flow');
    log.stop();
    await el.updateComplete;
    expect(button(el, 'Try again')).to.exist;
  });
});
