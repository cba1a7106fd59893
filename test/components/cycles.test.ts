import { expect } from '@open-wc/testing';
import { countHeld } from '../helpers/oauth.js';
import { useScenario, worker } from '../helpers/msw.js';
import { API, button, next, paste, text, until } from '../helpers/widget.js';
import type { CmaRegisterApp } from '../../src/index.js';

declare global {
  interface Window {
    gc?: () => void;
  }
  interface Performance {
    memory?: { usedJSHeapSize: number };
  }
}

/** The page's JS heap after a full collection (Chromium runs the tests with --expose-gc). */
async function heap() {
  for (let i = 0; i < 3; i++) {
    window.gc!();
    await new Promise(r => setTimeout(r));
  }
  return performance.memory!.usedJSHeapSize;
}

/** Where in its flow a widget is when it leaves the page, by cycle. */
const MOMENTS = ['loading', 'first step', 'submitting', 'waiting for a grant'] as const;

/** Places a widget and takes it to `moment` of its flow. */
async function placeAt(holder: HTMLElement, moment: (typeof MOMENTS)[number]): Promise<CmaRegisterApp> {
  const el = document.createElement('cma-register-app');
  el.setAttribute('api-base', API);
  el.vendor = moment === 'waiting for a grant' ? 'poweroffice-go' : 'mailchimp';
  const ready = next(el, 'cma-ready');
  holder.append(el);
  if (moment === 'loading') return el;
  await ready;
  await el.updateComplete;
  if (moment === 'first step') return el;
  if (moment === 'submitting') {
    await paste(el, 'apiKey', '0123456789abcdef0123456789abcdef-us21');
    button(el, 'Authenticate').click();
    return el;
  }
  await paste(el, 'orgNumber', '987654321');
  button(el, 'I have granted access').click();
  await until(() => text(el).includes('Waiting for PowerOffice Go'), 'the waiting view');
  return el;
}

/** Issue 7: mounting and removing widgets in the middle of their flows leaves nothing behind. */
describe('<cma-register-app> mounted and removed 1,000 times', () => {
  afterEach(() => worker.resetHandlers());

  it('leaves no listener, interval or flow behind, and memory stays flat', async function () {
    this.timeout(180_000);
    await useScenario('ok', 0);
    const holder = document.createElement('div');
    document.body.append(holder);
    const held = countHeld();
    const deleted = new Set<string>();
    worker.events.on('request:start', ({ request }) => {
      if (request.method === 'DELETE') deleted.add(new URL(request.url).pathname);
    });
    try {
      // a first round warms caches (Lit's templates, the descriptors), so that the heap is compared like for like
      for (const moment of MOMENTS) (await placeAt(holder, moment)).remove();
      const before = await heap();
      let grants = 0;
      for (let i = 0; i < 1000; i++) {
        const moment = MOMENTS[i % MOMENTS.length];
        if (moment === 'waiting for a grant') grants++;
        (await placeAt(holder, moment)).remove();
      }
      await until(() => held.none(), `every listener and interval gone: ${JSON.stringify([...held.listeners])}`, 10_000);
      // each grant left waiting had its flow DELETEd on the server
      await until(() => deleted.size >= grants, `${grants} flows DELETEd (${deleted.size} so far)`, 10_000);
      const grown = (await heap()) - before;
      expect(grown, `the heap grew by ${Math.round(grown / 1024)} KB`).to.be.below(2 * 1024 * 1024);
    } finally {
      held.restore();
      worker.events.removeAllListeners('request:start');
      holder.remove();
    }
  });
});
