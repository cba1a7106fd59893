import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { descriptors } from '../../mocks/handlers.js';
import { recordRequests, useScenario, worker } from '../helpers/msw.js';
import { button, input, mount, mountDescriptor, next, q, text, type, until } from '../helpers/widget.js';

const KEY = '0123456789abcdef0123456789abcdef-us21';

async function submitKey(scenario: Parameters<typeof useScenario>[0]) {
  await useScenario('ok');
  const { el, events } = await mount('mailchimp');
  await useScenario(scenario);
  await type(el, 'apiKey', KEY);
  const error = next(el, 'cma-error');
  button(el, 'Authenticate').click();
  const { detail } = await error;
  await el.updateComplete;
  return { el, events, detail };
}

describe('<cma-register-app> when the API fails', () => {
  afterEach(() => worker.resetHandlers());

  for (const [scenario, code, retryable, words] of [
    ['server-error', 'server_error', true, 'Something went wrong on our side'],
    ['session-expired', 'session_expired', false, 'Your session has expired'],
    ['offline', 'network_error', true, 'Could not reach the server'],
  ] as const) {
    it(`reports ${scenario} as ${code} and keeps the key in the form`, async () => {
      const { el, detail } = await submitKey(scenario);
      expect(detail).to.include({ code, retryable, step: 'api-key', vendor: 'mailchimp' });
      expect(detail.message).to.contain(words);
      expect(q(el, '[role="alert"]')!.textContent).to.contain(words);
      expect(input(el, 'apiKey').value).to.equal(KEY);
      await expect(el).to.be.accessible();
    });
  }

  it('holds the submit back for Retry-After when rate limited', async () => {
    const { el, detail } = await submitKey('rate-limited');
    expect(detail).to.include({ code: 'rate_limited', retryable: true });
    expect(detail.message).to.contain('You can try again in 5 seconds.');
    expect(button(el, 'Authenticate').getAttribute('aria-disabled')).to.equal('true');
    // the screen counts the wait down, outside the alert (which would read every second out)
    const countdown = () =>
      [...el.shadowRoot!.querySelectorAll('p.progress')].map(p => p.textContent!.trim()).find(t => t.includes('try again')) ?? '';
    expect(countdown()).to.equal('You can try again in 5 seconds.');
    await until(() => countdown() === 'You can try again in 4 seconds.', 'the countdown to go on');
    expect(q(el, '[role="alert"]')!.textContent).to.contain('Too many attempts').and.not.contain('try again in');
    await until(() => button(el, 'Authenticate').getAttribute('aria-disabled') === 'false', 'the submit offered again', 8000);
    expect(countdown()).to.equal('');
  });

  it('shows progress on a slow network, then finishes', async () => {
    await useScenario('ok', 600);
    const { el } = await mount('mailchimp');
    await type(el, 'apiKey', KEY);
    const registered = next(el, 'cma-registered');
    button(el, 'Authenticate').click();
    await el.updateComplete;
    expect(button(el, /Authenticate/).getAttribute('aria-disabled')).to.equal('true');
    expect(q(el, 'p[role="status"]')!.textContent).to.contain('Working…');
    await registered;
  });
});

describe('<cma-register-app> with a bad descriptor', () => {
  beforeEach(() => useScenario('ok'));
  afterEach(() => worker.resetHandlers());

  const good = descriptors['24sevenoffice'] as { steps: Record<string, unknown>[] };
  const withStep = (i: number, patch: (step: Record<string, unknown>) => Record<string, unknown>) => ({
    ...good,
    steps: good.steps.map((s, j) => (i === j ? patch(structuredClone(s)) : s)),
  });
  const withField = (i: number, patch: Record<string, unknown>) =>
    withStep(i, s => ({ ...s, fields: [{ ...(s.fields as object[])[0], ...patch }, ...(s.fields as object[]).slice(1)] }));

  it('says when there is no descriptor for the vendor', async () => {
    const { el, events } = await mount('nosuchapp', { ready: false });
    await next(el, 'cma-error').catch(() => undefined);
    await el.updateComplete;
    const error = events.find(e => e.type === 'cma-error')!;
    expect(error.detail).to.include({ code: 'descriptor_not_found', retryable: false, vendor: 'nosuchapp' });
    expect(text(el)).to.contain('There is no setup for “nosuchapp”');
    expect(q(el, '[role="alert"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('says when the descriptor is not JSON', async () => {
    worker.use(http.get('*/vendors/mailchimp.json', () => new HttpResponse('<html>oops</html>', { headers: { 'Content-Type': 'text/html' } })));
    const { el, events } = await mount('mailchimp', { ready: false });
    await next(el, 'cma-error');
    await el.updateComplete;
    const { detail } = events.find(e => e.type === 'cma-error')!;
    expect(detail.code).to.equal('descriptor_invalid');
    expect(detail.message).to.match(/\(root\): not JSON/);
    expect(text(el)).to.contain('(root): not JSON');
    await expect(el).to.be.accessible();
  });

  for (const [name, descriptor, path, words] of [
    ['a wrong shape', [], '(root)', 'expected a descriptor object'],
    ['an unknown field type', withField(1, { type: 'dropdown' }), 'steps[1].fields[0].type', 'expected one of text, secret'],
    ['a step with no submit', withStep(0, ({ submit, ...rest }) => (void submit, rest)), 'steps[0].submit', 'required'],
    ['duplicate field names', withField(1, { name: 'username' }), 'steps[1].fields[0].name', 'duplicate field name "username"'],
    ['optionsFrom naming no earlier lookup', withField(1, { optionsFrom: 'databases' }), 'steps[1].fields[0].optionsFrom', 'names no lookup'],
  ] as const) {
    it(`names the JSON path for ${name}`, async () => {
      const { el, detail } = await mountDescriptor(descriptor, 'cma-error');
      expect(detail).to.include({ code: 'descriptor_invalid', retryable: false });
      expect(detail.message).to.contain(`${path}: ${words}`);
      expect(q(el, '.problems')!.textContent).to.contain(path);
      expect(q(el, 'form')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  }

  // The widget's bundle carries the validator's checking only: the messages come in a chunk loaded
  // for an invalid descriptor (src/descriptor/messages.ts). Word for word, as the validator says them.
  it('says every problem in full, in the event and on screen, once the messages have loaded', async () => {
    const bad = withField(1, { type: 'dropdown', name: 'username', pattern: '(a+)+' });
    const lines = [
      'helpUrl: expected an https URL',
      'steps[1].fields[0].name: duplicate field name "username" (also at steps[0].fields[0])',
      'steps[1].fields[0].type: expected one of text, secret, email, url, select, radio, checkbox, hidden, got "dropdown"',
      'steps[1].fields[0].pattern: exponential time: a repeated group holds a repetition or alternation, like (a+)+',
      'steps[1].fields[0]: "options" and "optionsFrom" are only for select and radio fields',
    ];
    const { el, detail } = await mountDescriptor({ ...bad, helpUrl: 'http://x' }, 'cma-error');
    const lead = 'The setup for this app is not valid, so it cannot be shown. Contact support and quote these details:';
    expect(detail).to.include({ code: 'descriptor_invalid', message: [lead, ...lines].join('\n') });
    expect([...el.shadowRoot!.querySelectorAll('.problems li')].map(li => li.textContent!.trim())).to.deep.equal(lines);
  });

  it('refuses a fetched descriptor whose id is not the vendor it was loaded for', async () => {
    worker.use(http.get('*/vendors/mailchimp.json', () => HttpResponse.json({ ...(descriptors.mailchimp as object), id: 'acme-crm' })));
    const { el, events } = await mount('mailchimp', { ready: false });
    await next(el, 'cma-error');
    await el.updateComplete;
    const { detail } = events.find(e => e.type === 'cma-error')!;
    const line = 'id: "acme-crm" is not the vendor "mailchimp" it was loaded for';
    expect(detail).to.include({ code: 'descriptor_invalid', retryable: false });
    expect((detail.message as string).split('\n').slice(1)).to.deep.equal([line]);
    expect(q(el, '.problems')!.textContent!.trim()).to.equal(line);
    expect(events.some(e => e.type === 'cma-ready')).to.equal(false);
  });

  it('offers to try again after a network failure while loading', async () => {
    worker.use(http.get('*/vendors/mailchimp.json', () => HttpResponse.error(), { once: true }));
    const { el } = await mount('mailchimp', { ready: false });
    await next(el, 'cma-error');
    await el.updateComplete;
    const ready = next(el, 'cma-ready');
    button(el, 'Try again').click();
    await ready;
  });
});

describe('<cma-register-app> set up wrongly by the host page', () => {
  beforeEach(() => useScenario('ok'));

  for (const [what, apiBase] of [
    ['no api-base', null],
    ['an api-base that is not a URL', 'https://[bad'],
    ['a plain-http api-base on another machine', 'http://api.example.com/v1'],
    ['an api-base with a user and password', 'https://user:pw@api.example.com/v1'],
  ] as const) {
    it(`says so for ${what}, without an uncaught exception`, async () => {
      const uncaught: unknown[] = [];
      const record = (e: ErrorEvent | PromiseRejectionEvent) => uncaught.push('reason' in e ? e.reason : e.error);
      window.addEventListener('error', record);
      window.addEventListener('unhandledrejection', record);
      const el = document.createElement('cma-register-app');
      if (apiBase) el.setAttribute('api-base', apiBase);
      el.vendor = 'mailchimp';
      const error = next(el, 'cma-error');
      document.body.append(el);
      const { detail } = await error;
      await el.updateComplete;
      await new Promise(r => setTimeout(r, 50));
      window.removeEventListener('error', record);
      window.removeEventListener('unhandledrejection', record);
      el.remove();
      expect(uncaught).to.deep.equal([]);
      expect(detail).to.include({ code: 'unknown_error' });
      expect(detail.message).to.contain('set a valid api-base attribute');
    });
  }

  it('sends nothing anywhere with an inline descriptor and no api-base, and says why before anything is typed', async () => {
    await useScenario('ok');
    const log = recordRequests();
    const el = document.createElement('cma-register-app');
    const error = next(el, 'cma-error');
    el.descriptor = descriptors.mailchimp;
    document.body.append(el);
    const { detail } = await error;
    await el.updateComplete;
    expect(detail).to.include({ code: 'unknown_error', retryable: true });
    expect(q(el, 'input')).to.equal(null);
    expect(text(el)).to.contain('set a valid api-base attribute');
    await log.settled();
    log.stop();
    expect(log.api()).to.deep.equal([]);
    el.remove();
  });
});
