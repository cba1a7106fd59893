/**
 * A hostile API, continued: partial echoes of a secret, secrets in a connectionId, a lookup's options
 * and a grant's code and link, and a grant's flow that the server creates after the user moved on.
 */import { expect } from '@open-wc/testing';
import { HttpResponse } from 'msw';
import { recordRequests } from '../helpers/msw.js';
import { API, button, next, text, until } from '../helpers/widget.js';
import { answer, driveTo, everything, expectNoSecret, FLOW_ID, gate, KEY, PASSWORD, useHostileBed } from './hostile-bed.js';

describe('a hostile API: echoes of secrets and late flows', function () {
  this.timeout(20_000);
  useHostileBed();

  it('masks a long slice of the key that an error message echoes', async () => {
    const slice = KEY.slice(0, 24);
    answer('register', () => HttpResponse.json({ error: { code: 'invalid_credentials', message: `The key ${slice}… was revoked.` } }, { status: 401 }));
    const mounted = await driveTo('register');
    await until(() => mounted.events.some(e => e.type === 'cma-error'), 'cma-error');
    await mounted.el.updateComplete;
    expectNoSecret(mounted, s => [s.slice(0, 24)]);
  });

  it('masks a slice of the password from the middle, in capitals', async () => {
    const slice = PASSWORD.slice(5, 21).toUpperCase();
    answer('lookup', () => HttpResponse.json({ error: { code: 'invalid_credentials', message: `Login failed for ***${slice}***` } }, { status: 401 }));
    const mounted = await driveTo('lookup');
    await until(() => mounted.events.some(e => e.type === 'cma-error'), 'cma-error');
    await mounted.el.updateComplete;
    expectNoSecret(mounted, s => [s.slice(5, 21).toUpperCase()]);
  });

  it('puts no secret in cma-registered when the connectionId echoes the key', async () => {
    answer('register', () => HttpResponse.json({ connectionId: `conn_${KEY}` }, { status: 201 }));
    const mounted = await driveTo('register');
    await until(() => mounted.events.some(e => e.type === 'cma-registered' || e.type === 'cma-error'), 'the end of the attempt');
    await mounted.el.updateComplete;
    expectNoSecret(mounted);
  });

  it('shows no secret in the options of a lookup that echoes the password', async () => {
    answer('lookup', () => HttpResponse.json({ options: [{ value: '1', label: `Client of ${PASSWORD}`, description: PASSWORD }] }));
    const mounted = await driveTo('lookup');
    await until(() => mounted.events.some(e => e.type === 'cma-step' && e.detail.step === 'client') || mounted.events.some(e => e.type === 'cma-error'), 'the next step');
    await mounted.el.updateComplete;
    expect(everything(mounted.el.shadowRoot!)).not.to.contain(PASSWORD);
  });

  it('offers each option of a lookup once, and never one with an empty value', async () => {
    const options = ['1', '2', '1', '', '3'].map((value, i) => ({ value, label: `Client ${i}` }));
    answer('lookup', () => HttpResponse.json({ options }));
    const mounted = await driveTo('lookup');
    const select = await until(() => mounted.el.shadowRoot!.querySelector<HTMLSelectElement>('select'), 'the choice of a client');
    expect([...select.options].map(o => [o.value, o.textContent!.trim()])).to.deep.equal([
      ['', 'Choose…'],
      ['1', 'Client 0'],
      ['2', 'Client 1'],
      ['3', 'Client 4'],
    ]);
  });

  it('shows no secret as the user code or in the link of a grant', async () => {
    answer('grant', () =>
      HttpResponse.json(
        { status: 'pending', flowId: FLOW_ID, retryAfter: 1, userCode: KEY.slice(0, 40), verificationUri: `https://erp.example/approve?key=${KEY}` },
        { status: 202 },
      ),
    );
    const mounted = await driveTo('grant');
    await until(() => text(mounted.el).includes('Waiting for Acme ERP') || mounted.events.some(e => e.type === 'cma-error'), 'the waiting view');
    await mounted.el.updateComplete;
    expect(everything(mounted.el.shadowRoot!)).not.to.contain(KEY);
  });

  for (const [move, make] of [
    ['Cancel', (el: HTMLElement) => button(el as never, 'Cancel').click()],
    ['reset()', (el: HTMLElement) => (el as unknown as { reset(): void }).reset()],
    ['removal from the page', (el: HTMLElement) => el.remove()],
  ] as const) {
    it(`DELETEs the flow a grant's POST created when its 202 comes after ${move}`, async () => {
      const held = gate();
      answer('grant', held.resolver);
      const log = recordRequests();
      const { el } = await driveTo('grant');
      await until(() => held.held === 1, 'the POST held');
      const cancelled = move === 'Cancel' ? next(el, 'cma-cancel') : undefined;
      make(el);
      await cancelled;
      held.release(() => HttpResponse.json({ status: 'pending', flowId: FLOW_ID, retryAfter: 1 }, { status: 202 }));
      try {
        await until(() => log.requests.some(r => r.method === 'DELETE' && r.url === `${API}/flows/${FLOW_ID}`), 'the DELETE of the flow the server created', 3000);
      } finally {
        log.stop();
      }
    });
  }
});
